using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GuanGong.Durable;

/// <summary>
/// The orchestration context during one replay. Each schedule call takes the next call number
/// and is held as an unconfirmed action; when history's "scheduled" event with that number is
/// replayed, the two must agree on kind and name. Actions that history has not seen yet are the
/// episode's new work.
/// </summary>
internal sealed partial class ReplayOrchestrationContext(
    string instanceId,
    string name,
    string version,
    DataConverter converter,
    ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    private readonly SortedDictionary<int, HistoryEvent> _unconfirmed = [];
    private readonly Dictionary<int, OpenTask> _open = [];
    private readonly Dictionary<string, Queue<EventRaisedEvent>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<EventWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<HistoryEvent> _held = new();
    private bool _suspended;
    private int _nextTaskId;
    private int _guidCounter;
    private DateTimeOffset _currentUtc;
    private string? _input;

    public override string Name { get; } = name;

    public override string Version { get; } = version;

    public override string InstanceId { get; } = instanceId;

    public override DateTime CurrentUtcDateTime => _currentUtc.UtcDateTime;

    public override bool IsReplaying => Replaying;

    public bool Replaying { get; set; } = true;

    public string? CustomStatus { get; private set; }

    public bool CustomStatusSet { get; private set; }

    public ContinueAsNewRequest? ContinueAsNewRequested { get; private set; }

    /// <summary>Durable waits the orchestrator could still be woken by (calls, timers, event waits).</summary>
    public int OutstandingWaits => _open.Count + _waiters.Values.Sum(list => list.Count);

    public int CallCount => _nextTaskId;

    /// <summary>True while a client has the instance suspended.</summary>
    public bool Suspended => _suspended;

    public IEnumerable<HistoryEvent> UnconfirmedActions => _unconfirmed.Values;

    public string? SerializedInput => _input;

    public DataConverter Converter => converter;

    public override T? GetInput<T>()
        where T : default => converter.Deserialize<T>(_input);

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serialized = converter.Serialize(input);
        return options?.Retry is { } policy
            ? WithRetryAsync(() => ScheduleActivity<TResult>(name, serialized), policy)
            : ScheduleActivity<TResult>(name, serialized);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var serialized = converter.Serialize(input);
        var subOptions = options as SubOrchestrationOptions;
        return options?.Retry is { } policy
            ? WithRetryAsync(() => ScheduleSubOrchestration<TResult>(orchestratorName, serialized, subOptions), policy)
            : ScheduleSubOrchestration<TResult>(orchestratorName, serialized, subOptions);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var id = _nextTaskId++;
        var due = new DateTimeOffset(DateTime.SpecifyKind(fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : fireAt, DateTimeKind.Utc));
        _unconfirmed[id] = new TimerCreatedEvent(_currentUtc, id, due);
        var open = new OpenTask<object?>("timer", id);
        _open[id] = open;
        if (cancellationToken.CanBeCanceled)
        {
            // Cancellation runs on the replay thread (the orchestrator cancels its own token), so
            // it is as deterministic as the code that triggers it. The recorded timer stays in
            // history; its later TimerFired is ignored.
            cancellationToken.Register(() =>
            {
                _open.Remove(id);
                open.Cancel(cancellationToken);
            });
        }

        return open.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (_buffered.TryGetValue(eventName, out var queue) && queue.TryDequeue(out var early))
        {
            var ready = new EventWaiter<T>();
            ready.Complete(early.Input, converter);
            return ready.Task;
        }

        var waiter = new EventWaiter<T>();
        if (!_waiters.TryGetValue(eventName, out var list))
        {
            list = [];
            _waiters[eventName] = list;
        }

        list.Add(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                list.Remove(waiter);
                waiter.Cancel(cancellationToken);
            });
        }

        return waiter.Task;
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var eventCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var eventTask = WaitForExternalEvent<T>(eventName, eventCancellation.Token);
        if (eventTask.IsCompleted)
        {
            return await eventTask;
        }

        var timerTask = CreateTimer(CurrentUtcDateTime.Add(timeout), timerCancellation.Token);
        var winner = await Task.WhenAny(eventTask, timerTask);
        // Cancel, not CancelAsync: the callbacks must run here on the replay thread, in order.
        if (winner == eventTask)
        {
            timerCancellation.Cancel();
            return await eventTask;
        }

        // The timer won: stop waiting so a later event is buffered for the next wait, not lost.
        eventCancellation.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        throw new TaskCanceledException($"External event '{eventName}' did not arrive within {timeout}.");
    }

    public override void SendEvent(string instanceId, string eventName, object? payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var id = _nextTaskId++;
        _unconfirmed[id] = new EventSentEvent(_currentUtc, id, instanceId, eventName, converter.Serialize(payload));
    }

    public override void SetCustomStatus(object? customStatus)
    {
        CustomStatus = converter.Serialize(customStatus);
        CustomStatusSet = true;
    }

    public override void ContinueAsNew(object? newInput, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequested = new ContinueAsNewRequest(converter.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid() =>
        DeterministicGuid.Create(string.Create(CultureInfo.InvariantCulture, $"{InstanceId}_{_currentUtc:o}_{_guidCounter++}"));

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(loggerFactory.CreateLogger(categoryName), () => Replaying);

    /// <summary>Events that arrived but were never awaited (carried over by ContinueAsNew).</summary>
    public IEnumerable<EventRaisedEvent> UnconsumedEvents => _buffered.Values.SelectMany(queue => queue);

    private Task<TResult> ScheduleActivity<TResult>(string name, string? input)
    {
        var id = _nextTaskId++;
        _unconfirmed[id] = new TaskScheduledEvent(_currentUtc, id, name, null, input);
        var open = new OpenTask<TResult>(name, id);
        _open[id] = open;
        return open.Task;
    }

    private Task<TResult> ScheduleSubOrchestration<TResult>(string name, string? input, SubOrchestrationOptions? options)
    {
        var id = _nextTaskId++;
        var childId = options?.InstanceId ?? string.Create(CultureInfo.InvariantCulture, $"{InstanceId}:{id:D4}");
        InstanceIds.Validate(childId, nameof(options));
        _unconfirmed[id] = new SubOrchestrationInstanceCreatedEvent(_currentUtc, id, name, options?.Version, childId, input);
        var open = new OpenTask<TResult>(name, id);
        _open[id] = open;
        return open.Task;
    }

    private async Task<TResult> WithRetryAsync<TResult>(Func<Task<TResult>> call, RetryPolicy policy)
    {
        var firstAttemptAt = CurrentUtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (TaskFailedException failure) when (attempt < policy.MaxNumberOfAttempts && (policy.HandleFailure?.Invoke(failure.FailureDetails) ?? true))
            {
                var delay = policy.GetDelay(attempt);
                if (policy.RetryTimeout != Timeout.InfiniteTimeSpan && CurrentUtcDateTime.Add(delay) - firstAttemptAt > policy.RetryTimeout)
                {
                    throw;
                }

                await CreateTimer(CurrentUtcDateTime.Add(delay), CancellationToken.None);
            }
        }
    }
}
