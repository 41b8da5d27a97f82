using GuanGong.Testing;
using Microsoft.DurableTask.Client;

namespace GuanGong.LocalHost.Durable.Tests;

public sealed class EngineClockTests : EngineTestBase
{
    private readonly FakeTimeProvider _clock = new();

    private static TestTaskFactory Tasks() => new TestTaskFactory()
        .Orchestrator("Month", async (ctx, input) =>
        {
            await ctx.CreateTimer(TimeSpan.FromDays(30), CancellationToken.None);
            return "woke";
        })
        .Orchestrator("Race", async (ctx, input) =>
        {
            using var cts = new CancellationTokenSource();
            var decision = ctx.WaitForExternalEvent<string>("Decision", cts.Token);
            var timeout = ctx.CreateTimer(TimeSpan.FromDays(7), cts.Token);
            var winner = await Task.WhenAny(decision, timeout);
            cts.Cancel();
            return winner == decision ? "decided:" + decision.Result : "timed out";
        });

    private static async Task HeldAsync(DurableEngineWorker worker, int count)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (worker.HeldTimerCount < count)
        {
            await Task.Delay(50, cts.Token);
        }
    }

    [Fact]
    public async Task ThirtyDayTimer_FakeClockAdvanced30Days_CompletesRightAway()
    {
        var engine = Engine(o => o.TimeProvider = _clock);
        var worker = await StartAsync(engine, Tasks());
        var client = engine.CreateClient();
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Month", "m");
        await HeldAsync(worker, 1);

        _clock.Advance(TimeSpan.FromDays(29));
        await Task.Delay(1000);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await client.GetInstanceAsync(id))!.RuntimeStatus);

        var advancedAt = TimeProvider.System.GetTimestamp();
        _clock.Advance(TimeSpan.FromDays(1));
        var done = await CompleteAsync(client, id);

        Assert.Equal("woke", done.ReadOutputAs<string>());
        Assert.InRange(TimeProvider.System.GetElapsedTime(advancedAt), TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task EventVersusSevenDayTimer_BothWays_OnTheFakeClock()
    {
        var engine = Engine(o => o.TimeProvider = _clock);
        var worker = await StartAsync(engine, Tasks());
        var client = engine.CreateClient();

        var decided = await client.ScheduleNewOrchestrationInstanceAsync("Race", "a");
        var timedOut = await client.ScheduleNewOrchestrationInstanceAsync("Race", "b");
        await HeldAsync(worker, 2);

        _clock.Advance(TimeSpan.FromDays(6));
        await client.RaiseEventAsync(decided, "Decision", "approve");
        Assert.Equal("decided:approve", (await CompleteAsync(client, decided)).ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await client.GetInstanceAsync(timedOut))!.RuntimeStatus);

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("timed out", (await CompleteAsync(client, timedOut)).ReadOutputAs<string>());
        Assert.Equal("decided:approve", (await client.GetInstanceAsync(decided, getInputsAndOutputs: true))!.ReadOutputAs<string>());
    }
}
