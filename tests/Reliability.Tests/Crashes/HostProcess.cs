using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using GuanGong.Functions.Hosting;
using GuanGong.LocalStack;
using GuanGong.Testing;

namespace GuanGong.Reliability.Tests.Crashes;

/// <summary>
/// The function app run by the local host in a process of its own (tests/Reliability.Host), its settings in
/// environment variables, so it can be killed with SIGKILL, or die on its own, and be started again on the same
/// storage and task hub. The host reports the engine's steps on stdout ("GG-STEP", "GG-HOLD", "GG-DIE"), which
/// this class hands to the test as they come.
/// </summary>
internal sealed class HostProcess(IReadOnlyDictionary<string, string> environment, int port) : IAsyncDisposable
{
    private const string HostDll = "GuanGong.Reliability.Host.dll";

    private static readonly string Visibility = TimeSpan.FromSeconds(ResultsTableSize("GG_RELIABILITY_VISIBILITY_SECONDS", 15)).ToString("c", CultureInfo.InvariantCulture);

    private readonly List<string> _steps = [];
    private Process? _process;
    private Channel<string> _holds = Channel.CreateUnbounded<string>();

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>SIGKILLs sent by <see cref="KillAsync"/>.</summary>
    public int Kills { get; private set; }

    /// <summary>The process has ended (killed, or died on its own).</summary>
    public bool HasExited => _process is { HasExited: true };

    /// <summary>Every "GG-STEP instance eventId activity" line of every run of this host, in order.</summary>
    public IReadOnlyList<string> Steps
    {
        get
        {
            lock (_steps)
            {
                return [.. _steps];
            }
        }
    }

    /// <summary>
    /// The settings the app needs on the suite's Azurite and SMTP sink (no demo data, no timers), with a short
    /// visibility timeout so a dead process's messages come back in seconds: 15 s, or <c>GG_RELIABILITY_VISIBILITY_SECONDS</c>.
    /// It must stay above the time a received message waits in the worker's memory: with hundreds of instances
    /// in flight, or a few on a machine loaded by the other test projects beside it (seen at 5 s), a short timeout
    /// lets healthy messages be received again and again, and the poison guard counts them.
    /// </summary>
    public static Dictionary<string, string> Settings(AzuriteProcess azurite, SmtpSink smtp, string tablePrefix, string hubName) => new()
    {
        [AppComposition.StorageSetting] = azurite.Endpoints.ConnectionString,
        ["GuanGong__Profile"] = "Local",
        ["GuanGong__Demo__Seed"] = "false",
        ["GuanGong__AdminKey"] = RunningApp.AdminKey,
        ["GuanGong__Mail__Delivery"] = "Smtp",
        ["GuanGong__Mail__Smtp__Host"] = "127.0.0.1",
        ["GuanGong__Mail__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["GuanGong__Storage__TablePrefix"] = tablePrefix,
        ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = hubName,
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount"] = "1",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:00.500",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__controlQueueVisibilityTimeout"] = Visibility,
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__workItemQueueVisibilityTimeout"] = Visibility,
        ["Logging__LogLevel__Default"] = "Warning",
        ["GG_STEPS"] = "1",
    };

    /// <summary>Starts the host and waits until it answers HTTP; with <paramref name="holdAt"/> &gt; 0 it stops after its n-th activity for <see cref="WaitForHoldAsync"/>.</summary>
    public async Task StartAsync(int holdAt = 0, TimeSpan? timeout = null)
    {
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, HostDll));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The host is not built next to the tests.", dll);
        }

        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["GG_PORT"] = BaseAddress.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["GG_HOLD_AT"] = holdAt.ToString(CultureInfo.InvariantCulture);
        _process?.Dispose();
        _holds = Channel.CreateUnbounded<string>();
        var holds = _holds;
        var process = _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (e.Data.StartsWith("GG-STEP ", StringComparison.Ordinal))
            {
                lock (_steps)
                {
                    _steps.Add(e.Data["GG-STEP ".Length..]);
                }
            }
            else if (e.Data.StartsWith("GG-HOLD ", StringComparison.Ordinal))
            {
                holds.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < (timeout ?? TimeSpan.FromSeconds(90)))
        {
            try
            {
                using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if ((int)health.StatusCode is not 503)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting.");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The app did not become ready in time.");
    }

    private static int ResultsTableSize(string variable, int ciSize) => Infrastructure.ResultsTable.Size(variable, ciSize);

    /// <summary>Waits until the host reports it stopped after the activity it was told to hold at (the line it printed).</summary>
    public async Task<string> WaitForHoldAsync(CancellationToken cancellationToken) => await _holds.Reader.ReadAsync(cancellationToken);

    /// <summary>Waits until the process has ended on its own.</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        if (_process is { } process)
        {
            await process.WaitForExitAsync(cancellationToken);
        }
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

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
    }
}
