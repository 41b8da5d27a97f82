using GuanGong.Testing;

namespace GuanGong.Durable.Tests.Engine;

public sealed class DelayedWakeupTests
{
    private const int Queues = 5;

    [Fact]
    public async Task StartAsync_TimerComesDueWhileEveryQueueIsIdle_OnlyItsQueueIsPolledAtTheDueTime()
    {
        var clock = new TrackingTimeProvider(new FakeTimeProvider());
        var backend = new InMemoryOrchestrationBackend(clock.Inner, partitionCount: 4);

        // The worker's own wake-up signal is isolated: only the timer wake-up under test can cut a wait short.
        var counting = new CountingBackend(backend, isolateWakeups: true);
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<int, DateTime>("Nap", async (context, minutes) =>
        {
            await context.CreateTimer(TimeSpan.FromMinutes(minutes), CancellationToken.None);
            return context.CurrentUtcDateTime;
        });
        var options = new DurableTaskWorkerOptions
        {
            TimeProvider = clock,
            PollingTimeProvider = clock,
            MinQueuePollingInterval = TimeSpan.FromMilliseconds(50),
            MaxQueuePollingInterval = TimeSpan.FromSeconds(30),
        };
        await using var worker = new DurableTaskWorker(counting, registry, options);
        var client = new DurableTaskClient(backend, new DurableTaskClientOptions { TimeProvider = clock.Inner });
        await worker.StartAsync(CancellationToken.None);
        await clock.SettleAsync(Queues);
        await clock.AdvanceAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1), Queues);

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Nap", 10);
        while ((await client.GetInstanceAsync(id))!.RuntimeStatus != OrchestrationRuntimeStatus.Running)
        {
            await clock.AdvanceAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), Queues);
        }

        // The timer's own clock timer is armed too while the loops sleep.
        var dueAt = (await client.GetOrchestrationHistoryAsync(id)).OfType<TimerCreatedEvent>().Single().FireAt;
        await clock.AdvanceAsync(dueAt - clock.GetUtcNow() - TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), Queues + 1);
        var before = counting.Receives;
        await clock.AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100), Queues);

        var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata!.RuntimeStatus);
        var resumedAt = new DateTimeOffset(metadata.ReadOutputAs<DateTime>(), TimeSpan.Zero);
        Assert.InRange(resumedAt - dueAt, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));

        // One receive at the due time (plus, at most, one turn of idle polling and the warm queue's next look).
        Assert.InRange(counting.Receives - before, 1, 3);
        await worker.StopAsync(CancellationToken.None);
    }
}
