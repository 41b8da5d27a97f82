using Microsoft.Azure.Functions.Worker;

namespace GuanGong.LocalHost.SampleApp;

/// <summary>Records each timer tick as the trigger saw it.</summary>
public sealed class TickLog
{
    private readonly Lock _gate = new();
    private readonly List<TickRecord> _ticks = [];

    public IReadOnlyList<TickRecord> Ticks
    {
        get
        {
            lock (_gate)
            {
                return [.. _ticks];
            }
        }
    }

    public void Record(TimerInfo timer, DateTimeOffset at)
    {
        lock (_gate)
        {
            _ticks.Add(new TickRecord(at, timer.ScheduleStatus?.Last, timer.ScheduleStatus?.Next, timer.IsPastDue));
        }
    }
}
