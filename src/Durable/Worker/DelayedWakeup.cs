namespace GuanGong.Durable;

/// <summary>
/// Wakes the polling loop of one queue when a message this process sent with a delay (a durable
/// timer, a delayed start, a re-queued message) becomes visible, so a dispatcher that has backed
/// off to its longest interval still picks a timer up at its due time. One clock timer serves all
/// pending due times (earliest first). Only armed while the polling dispatcher runs.
/// </summary>
internal sealed class DelayedWakeup(TimeProvider time, int partitionCount, Action<int> wake) : IDisposable
{
    // A clock timer may fire a little before the instant it was set for.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(15);

    private readonly Lock _gate = new();
    private readonly PriorityQueue<int, DateTimeOffset> _due = new();
    private ITimer? _timer;
    private DateTimeOffset _armedFor = DateTimeOffset.MaxValue;
    private bool _enabled;

    public void Enable()
    {
        lock (_gate)
        {
            _enabled = true;
        }
    }

    /// <summary>Stops and forgets every pending wake-up.</summary>
    public void Disable()
    {
        lock (_gate)
        {
            _enabled = false;
            _due.Clear();
            _armedFor = DateTimeOffset.MaxValue;
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Remembers that <paramref name="message"/> becomes visible after <paramref name="delay"/>.</summary>
    public void Add(TaskMessage message, TimeSpan delay)
    {
        var queue = message.IsWorkItem ? partitionCount : PartitionHash.Of(message.InstanceId, partitionCount);
        lock (_gate)
        {
            if (!_enabled)
            {
                return;
            }

            var at = time.GetUtcNow() + delay;
            _due.Enqueue(queue, at);
            if (at < _armedFor)
            {
                ArmLocked(at);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _enabled = false;
            _due.Clear();
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void ArmLocked(DateTimeOffset at)
    {
        _armedFor = at;
        var wait = at - time.GetUtcNow();
        _timer ??= time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        var ready = new HashSet<int>();
        lock (_gate)
        {
            var now = time.GetUtcNow() + Tolerance;
            while (_due.TryPeek(out var queue, out var at) && at <= now)
            {
                _due.Dequeue();
                ready.Add(queue);
            }

            _armedFor = DateTimeOffset.MaxValue;
            if (_enabled && _due.TryPeek(out _, out var next))
            {
                ArmLocked(next);
            }
        }

        foreach (var queue in ready)
        {
            wake(queue);
        }
    }
}
