namespace GuanGong.Durable.Tests.Engine;

public sealed class LifecycleTests
{
    private static EngineHarness CreateSut() => new(registry => registry
        .AddActivityFunc<int, int>("Inc", (_, n) => Task.FromResult(n + 1))
        .AddOrchestratorFunc<object?, string>("Waiter", async (context, _) => await context.WaitForExternalEvent<string>("go"))
        .AddOrchestratorFunc<object?, string>("WaiterParent", (context, _) => context.CallSubOrchestratorAsync<string>("Waiter"))
        .AddOrchestratorFunc<int, int>("Counter", async (context, n) =>
        {
            context.SetCustomStatus(new { step = n });
            var next = await context.CallActivityAsync<int>("Inc", n);
            if (next < 5)
            {
                context.ContinueAsNew(next);
                return -1;
            }

            return next;
        })
        .AddOrchestratorFunc<int, string>("Mailbox", async (context, round) =>
        {
            var item = await context.WaitForExternalEvent<string>("item");
            if (round < 2)
            {
                context.ContinueAsNew(round + 1);
                return string.Empty;
            }

            return $"{round}:{item}";
        }));

    [Fact]
    public async Task TerminateInstanceAsync_RunningInstance_EndsTerminatedAndParentSeesFailure()
    {
        await using var sut = CreateSut();
        var parent = await sut.StartAsync("WaiterParent");

        await sut.Client.TerminateInstanceAsync(parent + ":0000", "operator said stop");
        await sut.DrainAsync();

        var child = await sut.GetAsync(parent + ":0000");
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, child.RuntimeStatus);
        Assert.Equal("operator said stop", child.ReadOutputAs<string>());
        var parentStatus = await sut.GetAsync(parent);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, parentStatus.RuntimeStatus);
        Assert.Contains("operator said stop", parentStatus.FailureDetails!.ToString() + parentStatus.FailureDetails.InnerFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuspendInstanceAsync_EventsWhileSuspended_AreHeldUntilResume()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("Waiter");

        await sut.Client.SuspendInstanceAsync(id, "maintenance");
        await sut.DrainAsync();
        await sut.Client.RaiseEventAsync(id, "go", "held");
        await sut.DrainAsync();
        var suspended = await sut.GetAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, suspended.RuntimeStatus);

        await sut.Client.ResumeInstanceAsync(id);
        await sut.DrainAsync();

        var metadata = await sut.GetAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal("held", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task PurgeInstanceAsync_FinishedInstance_RemovesStatusAndHistory()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("Waiter");
        Assert.Equal(0, (await sut.Client.PurgeInstanceAsync(id)).PurgedInstanceCount);

        await sut.Client.TerminateInstanceAsync(id);
        await sut.DrainAsync();
        var purged = await sut.Client.PurgeInstanceAsync(id);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await sut.Client.GetInstanceAsync(id));
        Assert.Empty(await sut.Client.GetOrchestrationHistoryAsync(id));
    }

    [Fact]
    public async Task ContinueAsNew_FourRestarts_CompletesWithFreshHistory()
    {
        await using var sut = CreateSut();

        var id = await sut.StartAsync("Counter", 0);

        var metadata = await sut.GetAsync(id);
        Assert.Equal(5, metadata.ReadOutputAs<int>());
        Assert.Contains("\"step\":4", metadata.SerializedCustomStatus, StringComparison.Ordinal);
        var history = await sut.Client.GetOrchestrationHistoryAsync(id);
        Assert.Single(history.OfType<TaskScheduledEvent>());
        Assert.Equal("4", Assert.Single(history.OfType<ExecutionStartedEvent>()).Input);
    }

    [Fact]
    public async Task ContinueAsNew_UnconsumedEvents_CarryOverToTheNextExecution()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("Mailbox", 0);

        await sut.Client.RaiseEventAsync(id, "item", "a");
        await sut.Client.RaiseEventAsync(id, "item", "b");
        await sut.Client.RaiseEventAsync(id, "item", "c");
        await sut.DrainAsync();

        Assert.Equal("2:c", (await sut.GetAsync(id)).ReadOutputAs<string>());
    }
}
