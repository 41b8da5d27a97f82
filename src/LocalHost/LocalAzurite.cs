using GuanGong.LocalStack;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost;

/// <summary>
/// Azurite for a local run: reuses one already answering on the wanted ports, else starts one
/// (src/LocalStack's AzuriteProcess, under the guard script that ends it when this process goes).
/// </summary>
internal sealed partial class LocalAzurite : IAsyncDisposable
{
    private readonly AzuriteProcess? _owned;

    private LocalAzurite(AzuriteEndpoints endpoints, AzuriteProcess? owned)
    {
        Endpoints = endpoints;
        _owned = owned;
    }

    public AzuriteEndpoints Endpoints { get; }

    public int? OwnedProcessId => _owned?.ProcessId;

    public static async Task<LocalAzurite> EnsureAsync(LocalHostOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var wanted = options.AzuritePorts is { } ports
            ? new AzuriteOptions { BlobPort = ports.Blob, QueuePort = ports.Queue, TablePort = ports.Table }
            : AzuriteOptions.DefaultPorts(location: null);
        if (wanted.BlobPort != 0)
        {
            var endpoints = AzuriteEndpoints.For(wanted.Host, wanted.BlobPort, wanted.QueuePort, wanted.TablePort);
            if (await AlreadyServingAsync(endpoints, cancellationToken))
            {
                LogReusing(logger, endpoints.Blob);
                return new LocalAzurite(endpoints, null);
            }
        }

        var root = RepositoryRoot.Find();
        var workspace = Path.GetFullPath(options.AzuriteWorkspace ?? Path.Combine(root ?? Directory.GetCurrentDirectory(), ".local", "azurite"));
        LogStarting(logger, workspace);
        var azurite = await AzuriteProcess.StartAsync(wanted with { Location = workspace, RepositoryRoot = root }, cancellationToken);
        LogStarted(logger, azurite.ProcessId, azurite.Endpoints.Blob);
        return new LocalAzurite(azurite.Endpoints, azurite);
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }

    private static async Task<bool> AlreadyServingAsync(AzuriteEndpoints endpoints, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        foreach (var endpoint in new[] { endpoints.Blob, endpoints.Queue, endpoints.Table })
        {
            try
            {
                using var _ = await http.GetAsync(endpoint, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite already answers at {Blob}; using it")]
    private static partial void LogReusing(ILogger logger, Uri blob);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting Azurite with its workspace in {Workspace}")]
    private static partial void LogStarting(ILogger logger, string workspace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite (pid {Pid}) is ready at {Blob}")]
    private static partial void LogStarted(ILogger logger, int pid, Uri blob);
}
