using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuanGong.Durable;

/// <summary>
/// Runs orchestrations and activities from a task hub. Two ways to drive it: as a hosted service
/// that polls the queues (<see cref="StartAsync"/>), or one delivered queue message at a time
/// (<see cref="ProcessControlMessageAsync"/>, <see cref="ProcessWorkItemMessageAsync"/>), which is
/// how a queue-triggered Functions host drives it. <see cref="ProcessPendingAsync"/> drains
/// whatever is visible now, for tests and tools.
/// </summary>
public sealed partial class DurableTaskWorker : IHostedService, IAsyncDisposable
{
    private readonly IOrchestrationBackend _backend;
    private readonly DurableTaskRegistry _registry;
    private readonly DurableTaskWorkerOptions _options;
    private readonly ILogger _logger;
    private readonly IServiceProvider _services;
    private readonly OrchestrationProcessor _orchestrations;
    private readonly ActivityProcessor _activities;
    private readonly SemaphoreSlim _orchestrationSlots;
    private readonly SemaphoreSlim _activitySlots;
    private readonly RedeliveryGate _redeliveries;
    private readonly PollingSchedule _polling;
    private readonly SendWakeups _wakeups;
    private readonly Lock _inflightGate = new();
    private readonly HashSet<Task> _inflight = [];
    private CancellationTokenSource? _stopping;
    private Task[] _loops = [];

    /// <summary>Creates a worker.</summary>
    /// <param name="backend">The task hub's storage.</param>
    /// <param name="registry">The orchestrators and activities this worker runs.</param>
    /// <param name="options">Dispatch options.</param>
    /// <param name="services">Resolves class-based orchestrators and activities (a scope per activity call).</param>
    /// <param name="loggerFactory">Logging.</param>
    public DurableTaskWorker(
        IOrchestrationBackend backend,
        DurableTaskRegistry registry,
        DurableTaskWorkerOptions? options = null,
        IServiceProvider? services = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(registry);
        _backend = backend;
        _registry = registry;
        _options = options ?? new DurableTaskWorkerOptions();
        loggerFactory ??= NullLoggerFactory.Instance;
        services ??= new ServiceCollection().BuildServiceProvider();
        _services = services;
        _logger = loggerFactory.CreateLogger<DurableTaskWorker>();
        _orchestrationSlots = new SemaphoreSlim(_options.MaxConcurrentOrchestratorFunctions, _options.MaxConcurrentOrchestratorFunctions);
        _activitySlots = new SemaphoreSlim(_options.MaxConcurrentActivityFunctions, _options.MaxConcurrentActivityFunctions);

        // Room for every slot plus queue-trigger invocations the host may run at once; the gate is
        // entered before any slot is taken, so a message running alone never waits on a slot held
        // by work queued behind it.
        _redeliveries = new RedeliveryGate(_options.MaxConcurrentOrchestratorFunctions + _options.MaxConcurrentActivityFunctions + 64);

        // One schedule for the control partitions and, last, the work-item queue.
        _polling = new PollingSchedule(backend.PartitionCount + 1, _options.PollingTimeProvider, _options.MaxQueuePollingInterval, _options.IdleQueuesTakeTurnsAfter);
        _wakeups = new SendWakeups(_options.PollingTimeProvider, backend.PartitionCount, _polling.Wake);
        var invoker = new ActivityInvoker(registry, _options, services);
        var local = _options.LocalActivities ? new LocalActivityRunner(backend, invoker, _activitySlots, _options, loggerFactory) : null;
        _orchestrations = new OrchestrationProcessor(backend, registry, _options, services, loggerFactory, local, _wakeups);
        _activities = new ActivityProcessor(backend, invoker, _wakeups, _options, loggerFactory);
    }

    /// <summary>Starts polling: one loop per control-queue partition and one for work items.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once the loops run.</returns>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _backend.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        _stopping = new CancellationTokenSource();
        var token = _stopping.Token;
        _polling.Reset();
        _wakeups.Enable();
        _loops =
        [
            .. Enumerable.Range(0, _backend.PartitionCount).Select(p => Task.Run(() => ControlLoopAsync(p, token), CancellationToken.None)),
            Task.Run(() => WorkItemLoopAsync(token), CancellationToken.None),
        ];
    }

    /// <summary>Stops polling and waits for running work to finish.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _wakeups.Disable();
        Task[] running;
        lock (_inflightGate)
        {
            running = [.. _inflight];
        }

        await Task.WhenAll(_loops.Concat(running)).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _stopping = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _wakeups.Dispose();
        _orchestrationSlots.Dispose();
        _activitySlots.Dispose();
    }
}
