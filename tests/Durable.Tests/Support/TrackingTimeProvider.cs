using GuanGong.Testing;

namespace GuanGong.Durable.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows how many of its timers are armed, so a test that
/// moves the clock can wait until every polling loop has gone back to sleep before moving it again.
/// </summary>
internal sealed class TrackingTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    private int _armed;

    public FakeTimeProvider Inner => inner;

    public int Armed => Volatile.Read(ref _armed);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this);
        timer.Attach(inner.CreateTimer(_ => timer.Fire(callback, state), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock in steps; after each, waits (in real time) until at least <paramref name="sleepers"/> timers are armed again.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan step, int sleepers)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += step)
        {
            inner.Advance(step < total - moved ? step : total - moved);
            await SettleAsync(sleepers);
        }
    }

    /// <summary>Waits until at least <paramref name="sleepers"/> timers are armed (the loops are asleep), for at most 5 s of real time.</summary>
    public async Task SettleAsync(int sleepers)
    {
        for (var i = 0; i < 5000 && Armed < sleepers; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), System);
        }

        // Let a loop that was just woken (by a nudge, not a timer) finish going back to sleep.
        await Task.Yield();
    }

    private sealed class TrackedTimer(TrackingTimeProvider owner) : ITimer
    {
        private readonly Lock _gate = new();
        private ITimer? _timer;
        private bool _armed;
        private bool _periodic;

        public void Attach(ITimer timer) => _timer = timer;

        public void Fire(TimerCallback callback, object? state)
        {
            lock (_gate)
            {
                if (!_periodic)
                {
                    SetArmed(false);
                }
            }

            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _periodic = period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero;
                SetArmed(dueTime != Timeout.InfiniteTimeSpan);
                return _timer!.Change(dueTime, period);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                SetArmed(false);
                _timer!.Dispose();
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void SetArmed(bool armed)
        {
            if (armed != _armed)
            {
                _armed = armed;
                Interlocked.Add(ref owner._armed, armed ? 1 : -1);
            }
        }
    }
}
