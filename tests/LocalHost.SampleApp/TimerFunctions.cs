using Microsoft.Azure.Functions.Worker;

namespace GuanGong.LocalHost.SampleApp;

/// <summary>A timer-triggered function that records its ticks.</summary>
public sealed class TimerFunctions(TickLog log, TimeProvider time)
{
    [Function("Tick")]
    public void Tick([TimerTrigger("*/2 * * * * *")] TimerInfo timer) => log.Record(timer, time.GetUtcNow());
}
