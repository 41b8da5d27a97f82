using System.Diagnostics;
using System.Text;

namespace GuanGong.LocalStack;

/// <summary>
/// A running Azurite owned by this process. It runs under <c>tools/azurite-guard.js</c>, which holds
/// our end of a stdin pipe: when this process exits for any reason (including SIGKILL) the pipe
/// closes and Azurite shuts down, so no node process is ever orphaned. The guard runs blob, queue and
/// table each in a node process of its own (its children, which leave with it), so the table service
/// is not held up behind the queue service's work.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;
    private int _stopped;

    private AzuriteProcess(Process process, StringBuilder output, AzuriteEndpoints endpoints)
    {
        _process = process;
        _output = output;
        Endpoints = endpoints;
    }

    /// <summary>The service endpoints.</summary>
    public AzuriteEndpoints Endpoints { get; }

    /// <summary>The guard's node process id (for diagnostics and for tests that check nothing is left behind).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>What Azurite printed so far (for error messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts Azurite and returns once blob, queue and table all answer HTTP.</summary>
    /// <exception cref="LocalStackException">Node.js or Azurite is missing, or the services did not come up.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var node = NodeLocator.Resolve(options.NodeExecutable);
        var root = options.RepositoryRoot ?? RepositoryRoot.Find()
            ?? throw new LocalStackException(
                $"Cannot find the repository root (a folder with {RepositoryRoot.GuardScript}). Run from inside the GuanGong checkout or set GUANGONG_REPO_ROOT.");
        var azuriteMain = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azuriteMain))
        {
            throw new LocalStackException(
                $"Azurite is not installed ({azuriteMain} is missing). Run 'npm ci' in {root} (the README's commands do this for you).");
        }

        var free = FreePorts.Take(3);
        var blob = options.BlobPort == 0 ? free[0] : options.BlobPort;
        var queue = options.QueuePort == 0 ? free[1] : options.QueuePort;
        var table = options.TablePort == 0 ? free[2] : options.TablePort;

        var start = new ProcessStartInfo(node)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var arg in BuildArguments(options, root, blob, queue, table))
        {
            start.ArgumentList.Add(arg);
        }

        if (options.Location is not null)
        {
            Directory.CreateDirectory(options.Location);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new LocalStackException($"Could not start Node.js at '{node}': {ex.Message}", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, output, AzuriteEndpoints.For(options.Host, blob, queue, table));
        try
        {
            await azurite.WaitUntilReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops Azurite: closes its stdin (a graceful shutdown that flushes the workspace), then kills it if it lingers.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync().ConfigureAwait(false);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The process was never started or is already gone: nothing to stop.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static IEnumerable<string> BuildArguments(AzuriteOptions options, string root, int blob, int queue, int table)
    {
        yield return Path.Combine(root, RepositoryRoot.GuardScript);
        yield return "--blobHost";
        yield return options.Host;
        yield return "--queueHost";
        yield return options.Host;
        yield return "--tableHost";
        yield return options.Host;
        yield return "--blobPort";
        yield return blob.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--queuePort";
        yield return queue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--tablePort";
        yield return table.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--skipApiVersionCheck";
        yield return "--disableTelemetry";
        // No access log: a line per request costs the single-threaded services CPU and says nothing a failure needs.
        yield return "--silent";
        if (options.Location is null)
        {
            yield return "--inMemoryPersistence";
        }
        else
        {
            yield return "--location";
            yield return options.Location;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // Keep the tail only: Azurite's debug output can be long and only the end explains a failure.
            if (output.Length > 64 * 1024)
            {
                output.Remove(0, output.Length - (32 * 1024));
            }

            output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var pending = new List<Uri> { Endpoints.Blob, Endpoints.Queue, Endpoints.Table };
        while (pending.Count > 0)
        {
            if (_process.HasExited)
            {
                throw new LocalStackException($"Azurite exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{Output}");
            }

            foreach (var endpoint in pending.ToArray())
            {
                if (await AnswersAsync(http, endpoint, deadline.Token).ConfigureAwait(false))
                {
                    pending.Remove(endpoint);
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            try
            {
                await Task.Delay(100, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LocalStackException(
                    $"Azurite did not answer on {string.Join(", ", pending)} within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
            }
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http, Uri endpoint, CancellationToken cancellationToken)
    {
        try
        {
            // An unauthenticated request is answered 403 by a ready service: any HTTP answer means it is up.
            using var response = await http.GetAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
