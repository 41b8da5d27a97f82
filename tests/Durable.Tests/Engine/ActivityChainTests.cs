namespace GuanGong.Durable.Tests.Engine;

public sealed class ActivityChainTests
{
    private static EngineHarness CreateSut() => new(registry => registry
        .AddActivityFunc<string, string>("Append", (_, text) => Task.FromResult(text + "!"))
        .AddActivityFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2))
        .AddOrchestratorFunc<string, string>("Chain", async (context, input) =>
        {
            var a = await context.CallActivityAsync<string>("Append", input);
            var b = await context.CallActivityAsync<string>("append", a);
            return await context.CallActivityAsync<string>("Append", b);
        })
        .AddOrchestratorFunc<int, int>("FanOut", async (context, count) =>
        {
            var calls = Enumerable.Range(1, count).Select(i => context.CallActivityAsync<int>("Double", i)).ToList();
            var results = await Task.WhenAll(calls);
            return results.Sum();
        }));

    [Fact]
    public async Task CallActivityAsync_ChainOfThree_PassesEachResultOn()
    {
        await using var sut = CreateSut();

        var id = await sut.StartAsync("Chain", "go");
        var metadata = await sut.GetAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal("go!!!", metadata.ReadOutputAs<string>());
        Assert.Equal(0, metadata.PendingMessageCount);
        var history = await sut.Client.GetOrchestrationHistoryAsync(id);
        Assert.Equal(3, history.OfType<TaskScheduledEvent>().Count());
        Assert.Equal(3, history.OfType<TaskCompletedEvent>().Count());
        Assert.IsType<ExecutionCompletedEvent>(history[^1]);
    }

    [Fact]
    public async Task CallActivityAsync_FanOutOf100_SumsEveryResult()
    {
        await using var sut = CreateSut();

        var id = await sut.StartAsync("FanOut", 100);
        var metadata = await sut.GetAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 100).Sum() * 2, metadata.ReadOutputAs<int>());
        var history = await sut.Client.GetOrchestrationHistoryAsync(id);
        Assert.Equal(100, history.OfType<TaskScheduledEvent>().Select(e => e.TaskId).Distinct().Count());
        Assert.Equal(100, history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Distinct().Count());
    }

    [Fact]
    public async Task GetInstanceAsync_WhileActivitiesOutstanding_ShowsPendingMessages()
    {
        await using var sut = CreateSut();
        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 5);

        Assert.Equal(1, (await sut.GetAsync(id)).PendingMessageCount);
        var received = await sut.Backend.ReceiveControlMessagesAsync(PartitionHash.Of(id, 4), 32, TimeSpan.FromMinutes(5));
        await sut.Worker.ProcessControlMessageAsync(TaskMessageSerializer.Serialize(received[0].Message), received[0].DequeueCount);
        await sut.Backend.DeleteMessageAsync(received[0]);

        var running = await sut.GetAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running.RuntimeStatus);
        Assert.Equal(5, running.PendingMessageCount);
    }

    [Fact]
    public async Task ProcessWorkItemMessageAsync_DeliveredOneAtATime_CompletesTheInstance()
    {
        await using var sut = CreateSut();
        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Chain", "x");

        // Drive the engine the way a queue-triggered host does: one message in, the host deletes it.
        for (var round = 0; round < 20 && !(await sut.GetAsync(id)).IsCompleted; round++)
        {
            foreach (var message in await sut.Backend.ReceiveControlMessagesAsync(PartitionHash.Of(id, 4), 1, TimeSpan.FromMinutes(5)))
            {
                await sut.Worker.ProcessControlMessageAsync(TaskMessageSerializer.Serialize(message.Message), message.DequeueCount);
                await sut.Backend.DeleteMessageAsync(message);
            }

            foreach (var message in await sut.Backend.ReceiveWorkItemsAsync(1, TimeSpan.FromMinutes(5)))
            {
                await sut.Worker.ProcessWorkItemMessageAsync(TaskMessageSerializer.Serialize(message.Message), message.DequeueCount);
                await sut.Backend.DeleteMessageAsync(message);
            }
        }

        Assert.Equal("x!!!", (await sut.GetAsync(id)).ReadOutputAs<string>());
    }
}
