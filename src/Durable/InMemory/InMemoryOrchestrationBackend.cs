using System.Globalization;

namespace GuanGong.Durable;

/// <summary>
/// A backend in process memory with the same semantics as the Azure Storage one (ETags,
/// visibility timeouts, dequeue counts, atomic checkpoints). For fast tests and for measuring
/// the engine's own overhead; state is lost with the process, so never use it to run an app.
/// </summary>
public sealed partial class InMemoryOrchestrationBackend : IOrchestrationBackend
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, StoredInstance> _instances = new(StringComparer.Ordinal);
    private readonly InMemoryQueue[] _control;
    private readonly InMemoryQueue _workItems = new("workitems");
    private readonly Dictionary<string, InMemoryQueue> _poison = new(StringComparer.Ordinal);
    private readonly List<ITimer> _visibilityTimers = [];
    private long _etag;

    /// <summary>Creates the backend.</summary>
    /// <param name="timeProvider">The clock that decides when hidden messages become visible (default: the system clock).</param>
    /// <param name="partitionCount">Control-queue partitions (1 to 16).</param>
    /// <param name="maxMessageDelay">The longest single message delay (default 3 days, like the Durable Task SDK's timer slices).</param>
    public InMemoryOrchestrationBackend(TimeProvider? timeProvider = null, int partitionCount = 4, TimeSpan? maxMessageDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitionCount, 16);
        _time = timeProvider ?? TimeProvider.System;
        PartitionCount = partitionCount;
        MaxMessageDelay = maxMessageDelay ?? TimeSpan.FromDays(3);
        _control = [.. Enumerable.Range(0, partitionCount).Select(i => new InMemoryQueue(string.Create(CultureInfo.InvariantCulture, $"control-{i:D2}")))];
    }

    /// <inheritdoc />
    public int PartitionCount { get; }

    /// <inheritdoc />
    public TimeSpan MaxMessageDelay { get; }

    /// <inheritdoc />
    public DispatcherWakeup Wakeup { get; } = new();

    /// <summary>Messages moved to poison queues, by queue name (for inspection in tests).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PoisonMessages
    {
        get
        {
            lock (_gate)
            {
                return _poison.ToDictionary(p => p.Key, p => p.Value.Peek());
            }
        }
    }

    /// <summary>How many messages are queued (visible or hidden) across all queues except poison.</summary>
    public int QueuedMessageCount
    {
        get
        {
            lock (_gate)
            {
                return _workItems.Count + _control.Sum(q => q.Count);
            }
        }
    }

    /// <inheritdoc />
    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private string NextETag() => Interlocked.Increment(ref _etag).ToString(CultureInfo.InvariantCulture);

    private sealed class StoredInstance(InstanceRecord record, string etag)
    {
        public InstanceRecord Record { get; set; } = record;

        public string ETag { get; set; } = etag;

        public List<HistoryEvent> History { get; } = [];

        public List<TaskMessage> Outbox { get; } = [];
    }
}
