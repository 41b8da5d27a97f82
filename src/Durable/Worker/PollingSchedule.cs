namespace GuanGong.Durable;

/// <summary>
/// Decides when each polling loop looks at its queue again. A warm queue backs off on its own,
/// doubling its wait from the minimum to the maximum interval. Once every queue has backed off to
/// the maximum and nothing has been found anywhere for a quiet period, they take turns: the task
/// hub then costs one receive per maximum interval however many queues it has (one per interval
/// per queue before). A message from elsewhere ends the turns and every queue goes back to its own
/// interval; a targeted wake (a timer this process set coming due) makes one queue poll at once.
/// </summary>
internal sealed class PollingSchedule
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _max;
    private readonly TimeSpan _quiet;
    private readonly bool[] _cold;
    private readonly bool[] _woken;
    private readonly TaskCompletionSource[] _nudges;
    private int _coldCount;
    private DateTimeOffset? _turnsSince;
    private DateTimeOffset _lastFound;

    public PollingSchedule(int queues, TimeProvider time, TimeSpan max, TimeSpan quiet)
    {
        _time = time;
        _max = max;
        _quiet = quiet;
        _lastFound = time.GetUtcNow();
        _cold = new bool[queues];
        _woken = new bool[queues];
        _nudges = [.. Enumerable.Range(0, queues).Select(_ => NewNudge())];
    }

    /// <summary>Forgets what the loops learnt (a worker starting again begins warm).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Array.Clear(_cold);
            Array.Clear(_woken);
            _coldCount = 0;
            _turnsSince = null;
            _lastFound = _time.GetUtcNow();
        }
    }

    /// <summary>Completes when the queue's wait must be reconsidered (turns began or ended, or a wake for it).</summary>
    public Task ChangedTask(int queue)
    {
        lock (_gate)
        {
            return _nudges[queue].Task;
        }
    }

    /// <summary>
    /// A receive on the queue found messages. Messages from elsewhere (<paramref name="expected"/>
    /// false) make the queue warm again and end the turns for all; messages this process signalled
    /// only restart the quiet period.
    /// </summary>
    public void Found(int queue, bool expected)
    {
        lock (_gate)
        {
            _lastFound = _time.GetUtcNow();
            if (expected || !_cold[queue])
            {
                return;
            }

            _cold[queue] = false;
            _coldCount--;
            if (_turnsSince is not null)
            {
                _turnsSince = null;
                NudgeAllLocked();
            }
        }
    }

    /// <summary>The queue found nothing and has backed off to the maximum; once all have, and all were quiet long enough, the turns begin.</summary>
    public void Idle(int queue)
    {
        lock (_gate)
        {
            if (!_cold[queue])
            {
                _cold[queue] = true;
                _coldCount++;
            }

            var now = _time.GetUtcNow();
            if (_turnsSince is null && _coldCount == _cold.Length && now - _lastFound >= _quiet)
            {
                _turnsSince = now;
                NudgeAllLocked();
            }
        }
    }

    /// <summary>Asks the queue's loop to poll now (a message this process delayed is due).</summary>
    public void Wake(int queue)
    {
        lock (_gate)
        {
            _woken[queue] = true;
            NudgeLocked(queue);
        }
    }

    /// <summary>Consumes a pending wake for the queue.</summary>
    public bool TakeWake(int queue)
    {
        lock (_gate)
        {
            var woken = _woken[queue];
            _woken[queue] = false;
            return woken;
        }
    }

    /// <summary>When the queue should poll next, given when it last polled and its own back-off.</summary>
    public DateTimeOffset NextPoll(int queue, DateTimeOffset lastPoll, TimeSpan backOff)
    {
        lock (_gate)
        {
            if (_turnsSince is not { } since)
            {
                return lastPoll + backOff;
            }

            // Turn k falls at since + k * max; queue q owns the turns k = q + 1 (mod queues), on a
            // fixed grid so that waits never drift. The next one at least half an interval away,
            // so a loop that just polled on its turn (or a clock firing early) does not poll twice.
            var cycle = _max * _cold.Length;
            var turn = since + (_max * (queue + 1));
            var earliest = _time.GetUtcNow() + (_max / 2);
            if (turn < earliest)
            {
                turn += cycle * Math.Ceiling((earliest - turn) / cycle);
            }

            return turn;
        }
    }

    private static TaskCompletionSource NewNudge() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void NudgeAllLocked()
    {
        for (var queue = 0; queue < _nudges.Length; queue++)
        {
            NudgeLocked(queue);
        }
    }

    private void NudgeLocked(int queue)
    {
        var previous = _nudges[queue];
        _nudges[queue] = NewNudge();
        previous.TrySetResult();
    }
}
