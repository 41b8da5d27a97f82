namespace GuanGong.Durable.Tests.Engine;

public sealed class SubOrchestrationTests
{
    private static EngineHarness CreateSut() => new(registry => registry
        .AddActivityFunc<int, int>("Square", (_, n) => Task.FromResult(n * n))
        .AddOrchestratorFunc<int, int>("Child", (context, n) => context.CallActivityAsync<int>("Square", n))
        .AddOrchestratorFunc<int, int>("Single", (context, n) => context.CallSubOrchestratorAsync<int>("Child", n))
        .AddOrchestratorFunc<int, int>("Parent", async (context, count) =>
        {
            var children = Enumerable.Range(1, count)
                .Select(i => context.CallSubOrchestratorAsync<int>("Child", i, new SubOrchestrationOptions(InstanceId: $"{context.InstanceId}-child-{i}")));
            return (await Task.WhenAll(children)).Sum();
        }));

    [Fact]
    public async Task CallSubOrchestratorAsync_FiveChildren_ParentSumsTheirOutputs()
    {
        await using var sut = CreateSut();

        var id = await sut.StartAsync("Parent", 5);

        Assert.Equal(55, (await sut.GetAsync(id)).ReadOutputAs<int>());
        var child = await sut.GetAsync(id + "-child-3");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child.RuntimeStatus);
        Assert.Equal(9, child.ReadOutputAs<int>());
        Assert.Equal(5, (await sut.Client.GetOrchestrationHistoryAsync(id)).OfType<SubOrchestrationInstanceCompletedEvent>().Count());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ParentReplacedAndRerun_RestartsTheFinishedChild()
    {
        await using var sut = CreateSut();
        await sut.StartAsync("Single", 3, new StartOrchestrationOptions("p"));
        Assert.Equal(9, (await sut.GetAsync("p:0000")).ReadOutputAs<int>());

        await sut.StartAsync("Single", 4, new StartOrchestrationOptions("p"));

        Assert.Equal(16, (await sut.GetAsync("p")).ReadOutputAs<int>());
        Assert.Equal(16, (await sut.GetAsync("p:0000")).ReadOutputAs<int>());
        Assert.Single((await sut.Client.GetOrchestrationHistoryAsync("p:0000")).OfType<ExecutionStartedEvent>());
    }
}
