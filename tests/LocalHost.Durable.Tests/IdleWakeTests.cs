using System.Diagnostics;
using Microsoft.DurableTask.Client;

namespace GuanGong.LocalHost.Durable.Tests;

/// <summary>
/// After the worker has idled, its queue polls are backed off towards <c>maxQueuePollingInterval</c>. A client in
/// the same process sends events through the worker's own orchestration service (as the Durable extension's clients
/// do), so an event raised then is picked up at once, not at the next backed-off poll.
/// </summary>
public sealed class IdleWakeTests : EngineTestBase
{
    [Fact]
    public async Task EventRaisedAfterIdling_WithFiveMinutePolling_CompletesWithinSeconds()
    {
        var engine = Engine(o =>
        {
            o.Settings.StorageProvider.PartitionCount = 1;
            o.Settings.StorageProvider.MaxQueuePollingInterval = TimeSpan.FromMinutes(5);
        });
        var tasks = new TestTaskFactory()
            .Activity("Echo", (ctx, input) => Task.FromResult<string?>(input + "!"))
            .Orchestrator("WaitThenEcho", async (ctx, input) =>
            {
                ctx.SetCustomStatus(new { stage = "waiting" });
                var go = await ctx.WaitForExternalEvent<string>("Go");
                return await ctx.CallActivityAsync<string?>("Echo", go);
            });
        await using var worker = await StartAsync(engine, tasks);
        var client = engine.CreateClient();
        Assert.Same(engine.SendingService, worker.Service);

        var id = await client.ScheduleNewOrchestrationInstanceAsync("WaitThenEcho", "x");
        await UntilAsync(client, id, m => m.SerializedCustomStatus?.Contains("waiting", StringComparison.Ordinal) == true);

        // 20 s of nothing: each empty poll doubles the wait (50 ms, 100 ms, …), so the next poll is 10–25 s away.
        await Task.Delay(TimeSpan.FromSeconds(20));
        var clock = Stopwatch.StartNew();
        await client.RaiseEventAsync(id, "Go", "go");
        var done = await CompleteAsync(client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("\"go!\"", done.SerializedOutput);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"event → completed took {clock.Elapsed.TotalSeconds:0.0} s after idling");
    }

    [Fact]
    public async Task WorkerStopped_ClientsSendThroughTheEnginesOwnServiceAgain_StartsAlwaysDo()
    {
        var engine = Engine();
        var own = engine.ClientService;
        var worker = await engine.StartWorkerAsync(new TestTaskFactory(), Services);
        Assert.NotSame(own, engine.SendingService);
        Assert.Same(own, engine.ClientService);
        await worker.StopAsync();
        Assert.Same(own, engine.SendingService);
    }
}
