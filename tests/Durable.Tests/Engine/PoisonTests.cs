namespace GuanGong.Durable.Tests.Engine;

public sealed class PoisonTests
{
    [Fact]
    public async Task WorkItem_CrashesTheWorkerEveryTime_MovedToPoisonAndInstanceFailedWithReason()
    {
        var attempts = 0;
        await using var sut = new EngineHarness(
            registry => registry
                .AddActivityFunc<string, string>("Fatal", (_, x) =>
                {
                    Interlocked.Increment(ref attempts);
                    return Task.FromResult(x);
                })
                .AddOrchestratorFunc<string, string>("Doomed", (context, x) => context.CallActivityAsync<string>("Fatal", x)),
            options => options.FaultInjector = (step, _) => step == CheckpointStep.BeforeActivityResultSend
                ? throw new InvalidOperationException("the process dies while replying")
                : ValueTask.CompletedTask);

        var id = await sut.StartAsync("Doomed", "x");
        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromMinutes(5));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Equal("GuanGong.Durable.PoisonMessage", metadata.FailureDetails!.ErrorType);
        Assert.Contains("work item for activity 'Fatal'", metadata.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("delivered 6 times", metadata.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("poison queue", metadata.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(5, attempts);
        Assert.Single(Assert.Single(sut.Backend.PoisonMessages).Value);
        Assert.Equal("workitems-poison", sut.Backend.PoisonMessages.Keys.Single());
    }

    [Fact]
    public async Task ControlMessage_FailsEveryEpisode_InstanceFailedAndLastErrorVisibleMeanwhile()
    {
        var hits = 0;
        await using var sut = new EngineHarness(
            registry => registry.AddOrchestratorFunc<object?, int>("Simple", (_, _) => Task.FromResult(1)),
            // Every delivery of the start message fails; the sixth is poison, and failing the instance then succeeds.
            options => options.FaultInjector = (step, _) => step == CheckpointStep.BeforeHistoryWrite && Interlocked.Increment(ref hits) <= 5
                ? throw new IOException("storage unreachable")
                : ValueTask.CompletedTask);

        var id = await sut.StartAsync("Simple");
        var stuck = await sut.GetAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, stuck.RuntimeStatus);
        Assert.Equal(1, stuck.PendingMessageCount);
        Assert.Equal("IOException: storage unreachable", stuck.LastError);

        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromMinutes(5));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Contains("ExecutionStarted control message", metadata.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkItem_ActivityOutlastsTheVisibilityTimeout_IsKeptHiddenAndRunsOnce()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        await using var sut = new EngineHarness(registry => registry
            .AddActivityFunc<int, int>("Slow", async (_, n) =>
            {
                Interlocked.Increment(ref runs);
                started.TrySetResult();
                await release.Task;
                return n;
            })
            .AddOrchestratorFunc<int, int>("Wait", (context, n) => context.CallActivityAsync<int>("Slow", n)));
        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Wait", 7);
        var drain = sut.DrainAsync();
        await started.Task;

        // 12 minutes pass (the timeout is 5): renewals every 2.5 minutes keep the work item hidden.
        for (var i = 0; i < 8; i++)
        {
            sut.Time.Advance(TimeSpan.FromSeconds(90));
            await Task.Yield();
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
            Assert.Empty(await sut.Backend.ReceiveWorkItemsAsync(32, TimeSpan.FromMinutes(5)));
        }

        release.SetResult();
        await drain;
        await sut.DrainAsync();

        Assert.Equal(7, (await sut.GetAsync(id)).ReadOutputAs<int>());
        Assert.Equal(1, runs);
        Assert.Equal(0, sut.Backend.QueuedMessageCount);
    }
}
