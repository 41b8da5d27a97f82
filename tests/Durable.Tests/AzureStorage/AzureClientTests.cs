namespace GuanGong.Durable.Tests.AzureStorage;

public sealed class AzureClientTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestratorFunc<int, int>("Echo", (_, n) => Task.FromResult(n))
        .AddOrchestratorFunc<object?, string>("Waiter", (context, _) => context.WaitForExternalEvent<string>("go"));

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_NewId_SendsInsertsAndIndexesWithoutAnExistenceRead()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(Register);
        sut.Requests.Reset();

        await sut.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 7, new StartOrchestrationOptions("new-1"));

        var counts = sut.Requests.Snapshot();
        Assert.Equal(3, counts.Total);
        Assert.Equal(1, sut.Requests.Get("Queue", "PutMessage"));
        Assert.Equal(1, sut.Requests.Get("Table", "SubmitTransaction"));
        Assert.Equal(1, sut.Requests.Get("Table", "UpsertEntity"));
        Assert.Equal(7, (await sut.RunToCompletionAsync("new-1")).ReadOutputAs<int>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_DuplicateIdsOnAzurite_FollowThePolicyAndStartOnce()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(Register);
        await sut.StartAsync("Waiter", options: new StartOrchestrationOptions("dup-1"));

        Assert.Equal("dup-1", await sut.Client.ScheduleNewOrchestrationInstanceAsync(
            "Waiter", options: new StartOrchestrationOptions("dup-1", ExistingInstance: DuplicateInstancePolicy.ReturnExisting)));
        var refused = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => sut.Client.ScheduleNewOrchestrationInstanceAsync(
            "Waiter", options: new StartOrchestrationOptions("dup-1", ExistingInstance: DuplicateInstancePolicy.Refuse)));
        Assert.Equal(OrchestrationRuntimeStatus.Running, refused.Status);
        var running = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => sut.Client.ScheduleNewOrchestrationInstanceAsync(
            "Waiter", options: new StartOrchestrationOptions("dup-1")));
        Assert.Equal(OrchestrationRuntimeStatus.Running, running.Status);

        // The refused starts' messages reach the worker and are discarded: one start, still waiting.
        await sut.DrainAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await sut.GetAsync("dup-1")).RuntimeStatus);
        Assert.Single((await sut.Client.GetOrchestrationHistoryAsync("dup-1")).OfType<ExecutionStartedEvent>());

        await sut.Client.RaiseEventAsync("dup-1", "go", "done");
        Assert.Equal("done", (await sut.RunToCompletionAsync("dup-1")).ReadOutputAs<string>());
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => sut.Client.ScheduleNewOrchestrationInstanceAsync(
            "Waiter", options: new StartOrchestrationOptions("dup-1", ExistingInstance: DuplicateInstancePolicy.Refuse)));

        // Finished: the default policy replaces it with a new execution that starts exactly once.
        await sut.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 42, new StartOrchestrationOptions("dup-1"));
        var replaced = await sut.RunToCompletionAsync("dup-1");
        Assert.Equal("Echo", replaced.Name);
        Assert.Equal(42, replaced.ReadOutputAs<int>());
        Assert.Single((await sut.Client.GetOrchestrationHistoryAsync("dup-1")).OfType<ExecutionStartedEvent>());
    }
}
