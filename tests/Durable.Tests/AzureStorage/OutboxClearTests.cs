using GuanGong.Storage.Queues;
using GuanGong.Storage.Tables;
using GuanGong.Testing;

namespace GuanGong.Durable.Tests.AzureStorage;

public sealed class OutboxClearTests
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
        })
        .AddOrchestratorFunc<object?, string>("Sleeper", async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
            return "woke";
        });

    public static TheoryData<TimeSpan, int> Delays() => new()
    {
        { TimeSpan.FromHours(1), 0 },
        { TimeSpan.Zero, 5 },
    };

    [Theory]
    [MemberData(nameof(Delays))]
    public async Task ClearOutboxAsync_NextCheckpointFollows_ClearsInThatTransactionInsteadOfAWriteOfItsOwn(TimeSpan delay, int expectedClears)
    {
        await using var sut = await AzureEngineHarness.CreateAsync(Register, configureBackend: options => options.OutboxClearDelay = delay);

        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 5);
        var metadata = await sut.RunToCompletionAsync(id);

        Assert.Equal(5, metadata.ReadOutputAs<int>());
        Assert.Equal(expectedClears, sut.Requests.Get("Table", "UpdateEntity"));

        // Every consumed message was deleted, the held ones beside the checkpoint that followed
        // (disposing waits for those deletes; nothing is left to flush).
        await sut.Backend.DisposeAsync();
        Assert.Equal(expectedClears, sut.Requests.Get("Table", "UpdateEntity"));
        Assert.Equal(11, sut.Requests.Get("Queue", "DeleteMessage"));
        Assert.Equal(0, await MessagesLeftAsync(sut));
        Assert.Null((await SentinelAsync(sut, id)).GetString("Outbox") is { Length: > 0 } outbox ? outbox : null);
    }

    [Fact]
    public async Task ClearOutboxAsync_InstanceThenWaitsForATimer_ClearIsWrittenOnItsOwnAfterTheDelay()
    {
        var clock = new FakeTimeProvider();
        await using var sut = await AzureEngineHarness.CreateAsync(Register, configureBackend: options =>
        {
            options.OutboxClearDelay = TimeSpan.FromSeconds(1);
            options.TimeProvider = clock;
            options.MaxMessageDelay = TimeSpan.FromSeconds(1);
        });

        var id = await sut.StartAsync("Sleeper");
        Assert.NotEmpty((await SentinelAsync(sut, id)).GetString("Outbox") ?? string.Empty);
        Assert.Equal(0, sut.Requests.Get("Table", "UpdateEntity"));
        Assert.Equal(0, sut.Requests.Get("Queue", "DeleteMessage"));

        clock.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 100 && sut.Requests.Get("Queue", "DeleteMessage") == 0; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        Assert.Equal(1, sut.Requests.Get("Table", "UpdateEntity"));
        Assert.Equal(1, sut.Requests.Get("Queue", "DeleteMessage"));
        Assert.Empty((await SentinelAsync(sut, id)).GetString("Outbox") ?? string.Empty);

        // Only the timer's message is left, and the instance still runs from its cached history.
        Assert.Equal(1, await MessagesLeftAsync(sut));
        sut.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal("woke", (await sut.RunToCompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task DisposeAsync_ClearsStillDeferred_AreWrittenWithTheirHeldDeletes()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(Register, configureBackend: options => options.OutboxClearDelay = TimeSpan.FromHours(1));
        var id = await sut.StartAsync("Sleeper");
        Assert.Equal(0, sut.Requests.Get("Queue", "DeleteMessage"));

        await sut.Backend.DisposeAsync();

        Assert.Equal(1, sut.Requests.Get("Table", "UpdateEntity"));
        Assert.Equal(1, sut.Requests.Get("Queue", "DeleteMessage"));
        Assert.Empty((await SentinelAsync(sut, id)).GetString("Outbox") ?? string.Empty);
    }

    [Fact]
    public async Task ClearOutboxAsync_AnotherHostReadsWhileTheClearIsDeferred_WaitsForItAndSendsNothingTwice()
    {
        // Host A runs the first episode (its outbox: a one-day timer) and defers the clear for 2 s;
        // host B gets the event meanwhile and must neither proceed past nor re-send that outbox.
        static void Register(DurableTaskRegistry registry) => registry.AddOrchestratorFunc<object?, string>("TimerOrEvent", async (context, _) =>
        {
            var go = context.WaitForExternalEvent<string>("go");
            await Task.WhenAny(context.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None), go);
            return go.IsCompleted ? go.Result : "timer";
        });
        await using var a = await AzureEngineHarness.CreateAsync(
            Register,
            options => options.MessageVisibilityTimeout = TimeSpan.FromSeconds(10),
            options => options.OutboxClearDelay = TimeSpan.FromSeconds(2));
        await using var b = await AzureEngineHarness.CreateAsync(Register, configureBackend: options => options.TaskHubName = a.BackendOptions.TaskHubName);

        var id = await a.StartAsync("TimerOrEvent");
        await b.Client.RaiseEventAsync(id, "go", "event");
        var metadata = await b.RunToCompletionAsync(id);

        Assert.Equal("event", metadata.ReadOutputAs<string>());
        Assert.Equal(1, a.Requests.Get("Table", "UpdateEntity"));
        Assert.True(b.Requests.Get("Queue", "PutMessage") >= 2, "B did not wait for the deferred clear: " + b.Requests.Snapshot());

        // The timer's message was sent once: it is all that is left in the queues.
        Assert.True(1 == await MessagesLeftAsync(b), "A: " + a.Requests.Snapshot() + " B: " + b.Requests.Snapshot());
    }

    private static async Task<TableEntity> SentinelAsync(AzureEngineHarness sut, string id) =>
        (await new TableClient(sut.ConnectionString, sut.BackendOptions.TaskHubName + "History").GetEntityAsync<TableEntity>(id, "sentinel")).Value;

    private static async Task<int> MessagesLeftAsync(AzureEngineHarness sut)
    {
        var total = 0;
        foreach (var name in sut.Backend.ControlQueueNames.Append(sut.Backend.WorkItemQueueName))
        {
            total += (await new QueueClient(sut.ConnectionString, name).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }

        return total;
    }
}
