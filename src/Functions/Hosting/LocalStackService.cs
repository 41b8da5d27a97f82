using GuanGong.LocalStack;

namespace GuanGong.Functions.Hosting;

/// <summary>
/// In the local profile, starts Azurite before the app serves its first request and owns it for the
/// app's lifetime. The guard script ends Azurite when this process exits for any reason.
/// </summary>
internal sealed partial class LocalStackService(IConfiguration configuration, IHostEnvironment environment, ILogger<LocalStackService> logger)
    : IHostedService, IAsyncDisposable
{
    private AzuriteProcess? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!ShouldStartAzurite(configuration))
        {
            return;
        }

        var defaults = AzuriteOptions.DefaultPorts(location: null);
        var endpoints = AzuriteEndpoints.For(defaults.Host, defaults.BlobPort, defaults.QueuePort, defaults.TablePort);
        if (await AlreadyServingAsync(endpoints, cancellationToken))
        {
            LogReusing(logger, endpoints.Blob);
            return;
        }

        var root = RepositoryRoot.Find() ?? environment.ContentRootPath;
        var workspace = Path.GetFullPath(Path.Combine(root, configuration["GuanGong:LocalStack:Workspace"] ?? ".local/azurite"));
        LogStarting(logger, workspace);
        _azurite = await AzuriteProcess.StartAsync(defaults with { Location = workspace, RepositoryRoot = root }, cancellationToken);
        LogStarted(logger, _azurite.ProcessId, _azurite.Endpoints.Blob, _azurite.Endpoints.Queue, _azurite.Endpoints.Table);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_azurite is not null)
        {
            await _azurite.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    internal static bool ShouldStartAzurite(IConfiguration configuration) =>
        string.Equals(configuration[FunctionsConfiguration.StorageSetting]?.Trim().TrimEnd(';'), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
        && bool.TryParse(configuration["GuanGong:LocalStack:StartAzurite"], out var start) && start;

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite (pid {Pid}) is ready: blob {Blob}, queue {Queue}, table {Table}")]
    private static partial void LogStarted(ILogger logger, int pid, Uri blob, Uri queue, Uri table);
}
