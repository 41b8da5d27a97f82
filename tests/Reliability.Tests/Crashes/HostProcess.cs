using System.Diagnostics;

namespace GuanGong.Reliability.Tests.Crashes;

/// <summary>
/// The built app (GuanGong.Functions.dll, or the suite's fault-injecting host around it) as a separate
/// process with its settings in environment variables, so it can be killed with SIGKILL, or die on
/// its own, and be started again on the same storage and task hub.
/// </summary>
internal sealed class HostProcess(IReadOnlyDictionary<string, string> environment, string workingDirectory, Uri baseAddress, string assembly = HostProcess.App) : IAsyncDisposable
{
    /// <summary>The app as it ships.</summary>
    public const string App = "GuanGong.Functions.dll";

    /// <summary>The app plus a fault chosen by environment variable (tests/Reliability.Host).</summary>
    public const string FaultHost = "GuanGong.Reliability.Host.dll";

    private Process? _process;

    public Uri BaseAddress => baseAddress;

    public int Kills { get; private set; }

    /// <summary>The process has ended (killed, or died on its own).</summary>
    public bool HasExited => _process is { HasExited: true };

    public async Task StartAsync()
    {
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, assembly));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The host is not built next to the tests.", dll);
        }

        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var health = await client.GetAsync(new Uri("/api/campaigns/none", UriKind.Relative));
                if ((int)health.StatusCode is not 503)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} while starting.");
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The app did not become ready in 60 s.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, exactly like a host that dies.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Kills++;
        }
    }

    /// <summary>The settings a local run on the suite's Azurite and SMTP sink needs (no Azurite of its own, no demo data).</summary>
    public static Dictionary<string, string> Settings(GuanGong.LocalStack.AzuriteProcess azurite, GuanGong.Testing.SmtpSink smtp, int port, string tablePrefix, string hubName) => new()
    {
        ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
        ["GuanGong__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GuanGong__Profile"] = "Local",
        ["GuanGong__LocalStack__StartAzurite"] = "false",
        ["GuanGong__Demo__Seed"] = "false",
        ["GuanGong__AdminKey"] = Infrastructure.ReliabilityApp.AdminKey,
        ["GuanGong__Mail__Delivery"] = "Smtp",
        ["GuanGong__Mail__Smtp__Host"] = "127.0.0.1",
        ["GuanGong__Mail__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GuanGong__Storage__TablePrefix"] = tablePrefix,
        ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = hubName,
        ["AzureFunctionsJobHost__extensions__durableTask__maxQueuePollingInterval"] = "00:00:00.500",
        ["AzureFunctionsJobHost__extensions__durableTask__messageVisibilityTimeout"] = "00:00:05",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
