using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuanGong.LocalHost.Durable;

/// <summary>
/// One task hub on Azure Storage run by DTFx (the engine the Durable extension runs in Azure): makes clients,
/// starts workers, checks in-flight instances against a new build, and lists the hub's storage.
/// </summary>
public sealed class DurableTaskEngine : IAsyncDisposable
{
    private readonly DurableEngineOptions _options;
    private readonly AzureStorageOrchestrationService _clientService;
    private AzureStorageOrchestrationService? _workerService;
    private readonly DequeueCountTracker _tracker = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly StorageAccountClientProvider _storage;

    /// <summary>Creates the engine; nothing is touched in storage until a worker starts or a client is used.</summary>
    public DurableTaskEngine(DurableEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _loggerFactory = new TeeLoggerFactory(options.LoggerFactory ?? NullLoggerFactory.Instance, _tracker);
        _logger = _loggerFactory.CreateLogger("GuanGong.LocalHost.Durable");
        _storage = StorageConnection.CreateProvider(options);
        _clientService = new AzureStorageOrchestrationService(CreateServiceSettings());
    }

    /// <summary>The task hub's name.</summary>
    public string TaskHubName => _options.Settings.HubName;

    /// <summary>The options the engine was made with.</summary>
    public DurableEngineOptions Options => _options;

    /// <summary>The orchestration service the clients start instances and read through: the engine's own.</summary>
    internal AzureStorageOrchestrationService ClientService => _clientService;

    /// <summary>
    /// The orchestration service clients send events (and terminations) to running instances through: the running
    /// worker's own while there is one, else the engine's. The Durable extension hands its clients the host's service
    /// for this: a message sent through the worker's service wakes that worker's backed-off control-queue poll at once,
    /// instead of leaving it for the next poll, up to <c>maxQueuePollingInterval</c> later. Starts and reads keep the
    /// engine's own service, so a burst of submissions does not queue behind the worker's storage throttle.
    /// </summary>
    internal AzureStorageOrchestrationService SendingService => Volatile.Read(ref _workerService) ?? _clientService;

    internal StorageAccountClientProvider Storage => _storage;

    /// <summary>Creates the task hub's queues, tables and containers if they are missing.</summary>
    public Task CreateIfNotExistsAsync() => _clientService.CreateIfNotExistsAsync();

    /// <summary>Deletes the task hub's storage (tests).</summary>
    public Task DeleteAsync() => _clientService.DeleteAsync();

    /// <summary>A client for callers outside DI (the local host hands it to <c>[DurableClient]</c> parameters).</summary>
    public DurableTaskClient CreateClient(string? name = null) =>
        new AzureStorageDurableTaskClient(name ?? Microsoft.Extensions.Options.Options.DefaultName, this);

    /// <summary>
    /// Starts a DTFx worker over this task hub running the orchestrators and activities of <paramref name="factory"/>
    /// (from a <c>DurableTaskRegistry</c>); activities get a DI scope of <paramref name="services"/> each.
    /// Dispose or stop the result to stop it gracefully (work in progress finishes).
    /// </summary>
    public async Task<DurableEngineWorker> StartWorkerAsync(
        IDurableTaskFactory factory,
        IServiceProvider services,
        DurableTaskWorkerOptions? workerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(services);
        workerOptions ??= new DurableTaskWorkerOptions();
        var clocked = _options.TimeProvider != TimeProvider.System;
        if (clocked)
        {
            // Under the engine clock a long timer is one held timer, delivered when that clock reaches it; the SDK
            // need not split it into MaximumTimerInterval steps (each step would be a round trip for nothing).
            workerOptions.MaximumTimerInterval = TimeSpan.MaxValue;
        }

        var shims = new DurableTaskShimFactory(workerOptions, _loggerFactory);
        var service = new AzureStorageOrchestrationService(CreateServiceSettings());
        await service.CreateIfNotExistsAsync();
        var abandonRetrying = new AbandonRetryingOrchestrationService(service, _logger);
        ClockedOrchestrationService? clock = clocked
            ? new ClockedOrchestrationService(abandonRetrying, service, _options.TimeProvider, _logger)
            : null;
        var worker = new TaskHubWorker(
            (IOrchestrationService?)clock ?? abandonRetrying,
            new OrchestrationObjectManager(factory, shims, services),
            new ActivityObjectManager(factory, shims, services),
            _loggerFactory)
        {
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };

        if (clock is not null)
        {
            worker.AddOrchestrationDispatcherMiddleware(clock.StampEpisodeAsync);
        }

        if (_options.PoisonDequeueCount > 0)
        {
            var deliveries = _storage.Table.CreateClient(_storage.Table.CreateOptions()).GetTableClient(TaskHubName + "Deliveries");
            await deliveries.CreateIfNotExistsAsync();
            var guard = new PoisonGuard(_tracker, new StartedDeliveries(deliveries), _options.PoisonDequeueCount, _logger);
            worker.AddOrchestrationDispatcherMiddleware(guard.OrchestrationAsync);
            worker.AddActivityDispatcherMiddleware(guard.ActivityAsync);
        }

        foreach (var middleware in _options.OrchestrationMiddleware)
        {
            worker.AddOrchestrationDispatcherMiddleware(middleware);
        }

        foreach (var middleware in _options.ActivityMiddleware)
        {
            worker.AddActivityDispatcherMiddleware(middleware);
        }

        await worker.StartAsync();
        // The first worker's service carries the clients' events until it stops (see SendingService).
        var shared = Interlocked.CompareExchange(ref _workerService, service, null) is null;
        return new DurableEngineWorker(worker, clock, abandonRetrying, service, shared ? () => Interlocked.CompareExchange(ref _workerService, null, service) : null);
    }

    /// <summary>
    /// Replays every in-flight (Running, Pending, Suspended) instance's history against the orchestrators of
    /// <paramref name="factory"/> — the build about to be deployed — and says which would fail non-determinism.
    /// </summary>
    public Task<ReplayCheckReport> CheckReplayAsync(
        IDurableTaskFactory factory, IServiceProvider services, CancellationToken cancellationToken = default) =>
        new ReplayChecker(_clientService, factory, services, _loggerFactory).RunAsync(cancellationToken);

    /// <summary>Lists the tables, queues and blob containers that belong to this task hub.</summary>
    public Task<TaskHubLayout> GetLayoutAsync(CancellationToken cancellationToken = default) =>
        TaskHubLayout.ReadAsync(_storage, TaskHubName, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _clientService.Dispose();
        return ValueTask.CompletedTask;
    }

    private AzureStorageOrchestrationServiceSettings CreateServiceSettings()
    {
        var settings = _options.Settings;
        var storage = settings.StorageProvider;
        var cores = Environment.ProcessorCount;
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = settings.HubName,
            StorageAccountClientProvider = _storage,
            PartitionCount = storage.PartitionCount,
            ControlQueueVisibilityTimeout = storage.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = storage.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = storage.MaxQueuePollingInterval,
            ControlQueueBatchSize = storage.ControlQueueBatchSize,
            UseTablePartitionManagement = storage.UseTablePartitionManagement,
            UseAppLease = settings.UseAppLease,
            AppLeaseOptions = settings.AppLeaseOptions.ToDtfx(),
            // Starting an id that is still running must fail loudly, not be dropped in silence (DTFx's default).
            ThrowExceptionOnInvalidDedupeStatus = true,
            // The Durable extension's defaults: 10 per core for both.
            MaxConcurrentTaskActivityWorkItems = settings.MaxConcurrentActivityFunctions ?? 10 * cores,
            MaxConcurrentTaskOrchestrationWorkItems = settings.MaxConcurrentOrchestratorFunctions ?? 10 * cores,
            ExtendedSessionsEnabled = settings.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(settings.ExtendedSessionIdleTimeoutInSeconds),
            WorkerId = _options.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}",
            LoggerFactory = _loggerFactory,
        };
    }
}
