using Azure;

namespace GuanGong.Durable.Tests.Engine;

public sealed class ClientTests
{
    private static EngineHarness CreateSut() => new(registry => registry
        .AddOrchestratorFunc<int, int>("Echo", (_, n) => Task.FromResult(n))
        .AddOrchestratorFunc<object?, string>("Waiter", (context, _) => context.WaitForExternalEvent<string>("go")));

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_DuplicateIdWhileRunning_RefusesByDefault()
    {
        await using var sut = CreateSut();
        await sut.StartAsync("Waiter", options: new StartOrchestrationOptions("order-1"));

        var refused = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => sut.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", options: new StartOrchestrationOptions("order-1")));

        Assert.Equal(OrchestrationRuntimeStatus.Running, refused.Status);
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_ReturnExisting_IsIdempotent()
    {
        await using var sut = CreateSut();
        var options = new StartOrchestrationOptions("order-2", ExistingInstance: DuplicateInstancePolicy.ReturnExisting);

        var first = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 1, options);
        var second = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 2, options);
        await sut.DrainAsync();

        Assert.Equal(first, second);
        Assert.Equal(1, (await sut.GetAsync("order-2")).ReadOutputAs<int>());
        Assert.Single((await sut.Client.GetOrchestrationHistoryAsync("order-2")).OfType<ExecutionStartedEvent>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_FinishedInstance_IsReplacedUnlessRefused()
    {
        await using var sut = CreateSut();
        await sut.StartAsync("Echo", 1, new StartOrchestrationOptions("order-3"));

        await sut.StartAsync("Echo", 2, new StartOrchestrationOptions("order-3"));
        Assert.Equal(2, (await sut.GetAsync("order-3")).ReadOutputAs<int>());

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => sut.Client.ScheduleNewOrchestrationInstanceAsync(
            "Echo", 3, new StartOrchestrationOptions("order-3", ExistingInstance: DuplicateInstancePolicy.Refuse)));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("what?")]
    [InlineData("tab\there")]
    public async Task ScheduleNewOrchestrationInstanceAsync_IdThatCannotBeAKey_IsRefusedBeforeAnythingIsSent(string id)
    {
        await using var sut = CreateSut();

        await Assert.ThrowsAsync<ArgumentException>(() => sut.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 1, new StartOrchestrationOptions(id)));

        Assert.Equal(0, sut.Backend.QueuedMessageCount);
    }

    [Fact]
    public async Task GetAllInstancesAsync_FilteredAndPaged_ReturnsEveryMatchOnce()
    {
        await using var sut = CreateSut();
        var start = sut.Time.GetUtcNow();
        for (var i = 0; i < 25; i++)
        {
            await sut.Client.ScheduleNewOrchestrationInstanceAsync("Echo", i, new StartOrchestrationOptions($"batch-{i:D2}"));
            sut.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await sut.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", options: new StartOrchestrationOptions("other-1"));
        await sut.DrainAsync();

        var query = new OrchestrationQuery(
            Statuses: [OrchestrationRuntimeStatus.Completed],
            CreatedFrom: start.AddMinutes(5),
            CreatedTo: start.AddMinutes(20),
            InstanceIdPrefix: "batch-",
            PageSize: 4,
            FetchInputsAndOutputs: true);
        var pages = new List<Page<OrchestrationMetadata>>();
        await foreach (var page in sut.Client.GetAllInstancesAsync(query).AsPages())
        {
            pages.Add(page);
        }

        var all = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(15, all.Count);
        Assert.Equal(4, pages.Count);
        Assert.Equal(Enumerable.Range(5, 15).Select(i => $"batch-{i:D2}"), all.Select(m => m.InstanceId));
        Assert.All(all, m => Assert.Equal(int.Parse(m.InstanceId[6..], System.Globalization.CultureInfo.InvariantCulture), m.ReadOutputAs<int>()));
        Assert.Null(pages[^1].ContinuationToken);

        var running = new List<string>();
        await foreach (var metadata in sut.Client.GetAllInstancesAsync(new OrchestrationQuery([OrchestrationRuntimeStatus.Running])))
        {
            running.Add(metadata.InstanceId);
        }

        Assert.Equal(["other-1"], running);
    }
}
