namespace GuanGong.Durable.Tests.AzureStorage;

public sealed class HistoryCacheTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<int, int>("Inc", (_, n) => Task.FromResult(n + 1))
        .AddOrchestratorFunc<int, int>("Chain", async (context, count) =>
        {
            var n = 0;
            for (var i = 0; i < count; i++)
            {
                n = await context.CallActivityAsync<int>("Inc", n);
            }

            return n;
        });

    [Theory]
    [InlineData(1000, 0)]
    [InlineData(0, 6)]
    public async Task ReadInstanceAsync_EpisodesAfterOwnCheckpoints_SkipTheHistoryQueryWhenCached(int capacity, int expectedQueries)
    {
        await using var sut = await AzureEngineHarness.CreateAsync(Register, configureBackend: options => options.HistoryCacheCapacity = capacity);

        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 5);
        var metadata = await sut.RunToCompletionAsync(id);

        Assert.Equal(5, metadata.ReadOutputAs<int>());
        Assert.Equal(expectedQueries, sut.Requests.Get("Table", "QueryEntities"));
        var history = await sut.Client.GetOrchestrationHistoryAsync(id);
        Assert.Equal(5, history.OfType<TaskCompletedEvent>().Count());
        Assert.Equal(expectedQueries + 1, sut.Requests.Get("Table", "QueryEntities"));
    }

    [Fact]
    public async Task ReadInstanceAsync_MoreInstancesThanTheCapacity_EvictsAndStillCompletesEveryOne()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(Register, configureBackend: options => options.HistoryCacheCapacity = 2);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await sut.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 3));
        }

        foreach (var id in ids)
        {
            Assert.Equal(3, (await sut.RunToCompletionAsync(id)).ReadOutputAs<int>());
        }

        // Five instances interleave in each drain round: some episodes found their history evicted.
        Assert.InRange(sut.Requests.Get("Table", "QueryEntities"), 1, 5 * 4);
    }

    [Fact]
    public async Task Episode_ResultOfAnActivityAnotherHostScheduled_IsNotDiscardedAgainstAStaleCache()
    {
        // Host A runs the first episode and caches it; its first activity reply fails, so host B
        // picks the work item up, runs the second episode (scheduling activity 1) and crashes in the
        // third. Activity 1's result then reaches A, whose cached history has never heard of activity 1.
        // (Outbox clears are written at once here, so no deferred clear moves A's cache on its own.)
        var aReplies = 0;
        await using var a = await AzureEngineHarness.CreateAsync(
            Register,
            options => options.FaultInjector = (step, _) =>
                step == CheckpointStep.BeforeActivityResultSend && Interlocked.Increment(ref aReplies) == 1
                    ? throw new IOException("host A dies while replying")
                    : ValueTask.CompletedTask,
            options => options.OutboxClearDelay = TimeSpan.Zero);
        var bEpisodes = 0;
        await using var b = await AzureEngineHarness.CreateAsync(
            Register,
            options => options.FaultInjector = (step, _) =>
                step == CheckpointStep.BeforeHistoryWrite && Interlocked.Increment(ref bEpisodes) == 2
                    ? throw new IOException("host B dies in its second episode")
                    : ValueTask.CompletedTask,
            options =>
            {
                options.TaskHubName = a.BackendOptions.TaskHubName;
                options.OutboxClearDelay = TimeSpan.Zero;
            });

        var id = await a.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 3);
        await a.DrainAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(1200), TimeProvider.System);
        await b.DrainAsync();
        Assert.Equal(2, Volatile.Read(ref bEpisodes));
        await Task.Delay(TimeSpan.FromMilliseconds(1200), TimeProvider.System);
        var metadata = await a.RunToCompletionAsync(id);

        Assert.Equal(3, metadata.ReadOutputAs<int>());
        var history = await a.Client.GetOrchestrationHistoryAsync(id);
        Assert.Equal([0, 1, 2], history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Order());
        Assert.True(a.Requests.Get("Queue", "UpdateMessage") >= 1, "the stale delete was not turned back: " + a.Requests.Snapshot());
    }

    [Fact]
    public async Task Checkpoint_InstanceWrittenByAnotherHost_ConflictsOnceThenReadsStorage()
    {
        await using var a = await AzureEngineHarness.CreateAsync(registry => registry
            .AddOrchestratorFunc<object?, string>("Waiter", async (context, _) =>
                await context.WaitForExternalEvent<string>("one") + await context.WaitForExternalEvent<string>("two")));
        await using var b = await AzureEngineHarness.CreateAsync(
            registry => registry.AddOrchestratorFunc<object?, string>("Waiter", async (context, _) =>
                await context.WaitForExternalEvent<string>("one") + await context.WaitForExternalEvent<string>("two")),
            configureBackend: options => options.TaskHubName = a.BackendOptions.TaskHubName);

        var id = await a.StartAsync("Waiter");
        await b.Client.RaiseEventAsync(id, "one", "1");
        await b.DrainAsync();
        await a.Client.RaiseEventAsync(id, "two", "2");
        var metadata = await a.RunToCompletionAsync(id);

        Assert.Equal("12", metadata.ReadOutputAs<string>());
        var history = await a.Client.GetOrchestrationHistoryAsync(id);
        Assert.Equal(2, history.OfType<EventRaisedEvent>().Count());
    }
}
