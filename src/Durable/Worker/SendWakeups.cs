namespace GuanGong.Durable;

/// <summary>
/// Sends the worker's own messages and wakes only the polling loop of the queue each one goes to:
/// at once for an immediate message (instead of the backend's wake-up of every loop), and when it
/// becomes visible for a delayed one (a durable timer, a delayed start, a re-queued message), so a
/// dispatcher that has backed off to its longest interval still picks a timer up at its due time.
/// One clock timer serves all pending due times (earliest first). Only active while the polling
/// dispatcher runs; otherwise sends signal as the backend does.
/// </summary>
internal sealed class SendWakeups(TimeProvider time, int partitionCount, Action<int> wake) : IDisposable
{
    // A clock timer may fire a little before the instant it was set for.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(15);

    // Clock timers take at most about 49 days; a later due time is reached in steps of a day.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

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

    /// <summary>Sends <paramref name="message"/> through <paramref name="backend"/> and arranges the wake-up of its queue's loop.</summary>
    public async Task SendAsync(IOrchestrationBackend backend, TaskMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var queue = message.IsWorkItem ? partitionCount : PartitionHash.Of(message.InstanceId, partitionCount);
        if (delay > TimeSpan.Zero || !Volatile.Read(ref _enabled))
        {
            await backend.SendAsync(message, delay, cancellationToken).ConfigureAwait(false);
            Add(queue, delay);
            return;
        }

        using (DispatcherWakeup.Redirect(() => wake(queue)))
        {
            await backend.SendAsync(message, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Add(int queue, TimeSpan delay)
    {
        lock (_gate)
        {
            if (!_enabled || delay <= TimeSpan.Zero)
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
        _timer ??= CreateTimer();
        _timer.Change(wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < LongestWait ? wait : LongestWait, Timeout.InfiniteTimeSpan);
    }

    // The timer outlives the send that creates it: it must not capture that flow's async state.
    private ITimer CreateTimer()
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            return time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        using (ExecutionContext.SuppressFlow())
        {
            return time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
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
