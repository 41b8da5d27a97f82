using System.Diagnostics;

namespace GuanGong.Reliability.Tests.Crashes;

/// <summary>
/// The built app (GuanGong.Functions.dll) as a separate process with its settings in environment
/// variables, so it can be killed with SIGKILL and started again on the same storage and task hub.
/// </summary>
internal sealed class HostProcess(IReadOnlyDictionary<string, string> environment, string workingDirectory, Uri baseAddress) : IAsyncDisposable
{
    private Process? _process;

    public Uri BaseAddress => baseAddress;

    public int Kills { get; private set; }

    public static string AppDll
    {
        get
        {
            var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "GuanGong.Functions.dll"));
            return File.Exists(dll) ? dll : throw new FileNotFoundException("The app is not built next to the tests.", dll);
        }
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", $"\"{AppDll}\"")
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

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
