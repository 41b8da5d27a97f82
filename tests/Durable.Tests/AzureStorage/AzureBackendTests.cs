using GuanGong.Storage.Queues;
using GuanGong.Storage.Tables;

namespace GuanGong.Durable.Tests.AzureStorage;

public sealed class AzureBackendTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2))
        .AddActivityFunc<string, int>("Length", (_, text) => Task.FromResult(text.Length))
        .AddActivityFunc<int, string>("Big", (_, size) => Task.FromResult(new string('x', size)))
        .AddOrchestratorFunc<int, int>("FanOut", async (context, count) =>
            (await Task.WhenAll(Enumerable.Range(1, count).Select(i => context.CallActivityAsync<int>("Double", i)))).Sum())
        .AddOrchestratorFunc<int, int>("Chain", async (context, n) =>
        {
            for (var i = 0; i < 3; i++)
            {
                n = await context.CallActivityAsync<int>("Double", n);
            }

            return n;
        })
        .AddOrchestratorFunc<int, int>("Parent", async (context, n) =>
            await context.CallSubOrchestratorAsync<int>("Chain", n) + await context.CallSubOrchestratorAsync<int>("Chain", n + 1))
        .AddOrchestratorFunc<int, int>("Large", async (context, size) =>
        {
            var big = await context.CallActivityAsync<string>("Big", size);
            context.SetCustomStatus(big);
            return await context.CallActivityAsync<int>("Length", big);
        })
        .AddOrchestratorFunc<object?, string>("Waiter", (context, _) => context.WaitForExternalEvent<string>("go"));

    [Fact]
    public async Task Engine_ChainFanOutAndSubOrchestrations_CompleteOnAzurite()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(Register);

        var chain = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 1);
        var fan = await sut.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 100);
        var parent = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Parent", 1);

        Assert.Equal(8, (await sut.RunToCompletionAsync(chain)).ReadOutputAs<int>());
        Assert.Equal(10100, (await sut.RunToCompletionAsync(fan)).ReadOutputAs<int>());
        Assert.Equal(8 + 16, (await sut.RunToCompletionAsync(parent)).ReadOutputAs<int>());
        var history = await sut.Client.GetOrchestrationHistoryAsync(fan);
        Assert.Equal(100, history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Distinct().Count());
        Assert.IsType<ExecutionCompletedEvent>(history[^1]);
    }

    [Fact]
    public async Task Checkpoint_StatusRow_LivesInTheHistoryPartitionAndAgreesWithHistory()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(Register);
        var id = await sut.StartAsync("Chain", 1);
        await sut.RunToCompletionAsync(id);

        var table = new TableClient(sut.ConnectionString, sut.BackendOptions.TaskHubName + "History");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")))
        {
            rows.Add(row);
        }

        var sentinel = Assert.Single(rows, r => r.RowKey == "sentinel");
        Assert.Equal("Completed", sentinel.GetString("RuntimeStatus"));
        Assert.All(rows.Where(r => r.RowKey != "sentinel"), r => Assert.Equal(19, r.RowKey.Length));
        Assert.Equal(sentinel.GetInt64("NextRow"), rows.Count - 1);
        var mirror = await new TableClient(sut.ConnectionString, sut.BackendOptions.TaskHubName + "Instances").GetEntityAsync<TableEntity>(id, string.Empty);
        Assert.Equal("Completed", mirror.Value.GetString("RuntimeStatus"));
    }

    [Fact]
    public async Task LargePayloads_OverQueueAndTableLimits_RoundTripThroughBlobs()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(Register);

        var id = await sut.StartAsync("Large", 200_000);
        var metadata = await sut.RunToCompletionAsync(id);

        Assert.Equal(200_000, metadata.ReadOutputAs<int>());
        Assert.Equal(200_000, metadata.ReadCustomStatusAs<string>()!.Length);
        var history = await sut.Client.GetOrchestrationHistoryAsync(id);
        Assert.Equal(200_000 + 2, history.OfType<TaskCompletedEvent>().First().Result!.Length);

        var container = new GuanGong.Storage.Blobs.BlobContainerClient(sut.ConnectionString, sut.BackendOptions.TaskHubName.ToLowerInvariant() + "-largemessages");
        Assert.NotEmpty(await BlobNamesAsync(container, id));
        Assert.Equal(1, (await sut.Client.PurgeInstanceAsync(id)).PurgedInstanceCount);
        Assert.Empty(await BlobNamesAsync(container, id));
    }

    private static async Task<List<string>> BlobNamesAsync(GuanGong.Storage.Blobs.BlobContainerClient container, string instanceId)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            if (blob.Name.Contains("/" + instanceId + "/", StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    [Fact]
    public async Task TerminatePurgeAndQuery_OnAzurite_BehaveLikeInMemory()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(Register);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await sut.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", options: new StartOrchestrationOptions($"q-{i}")));
            sut.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await sut.DrainAsync();
        await sut.Client.TerminateInstanceAsync("q-0", "stop");
        await sut.Client.RaiseEventAsync("q-1", "GO", "done");
        await sut.DrainAsync();

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await sut.GetAsync("q-0")).RuntimeStatus);
        Assert.Equal("done", (await sut.GetAsync("q-1")).ReadOutputAs<string>());
        var running = new List<string>();
        await foreach (var page in sut.Client.GetAllInstancesAsync(new OrchestrationQuery([OrchestrationRuntimeStatus.Running], InstanceIdPrefix: "q-", PageSize: 2)).AsPages())
        {
            Assert.True(page.Values.Count <= 2);
            running.AddRange(page.Values.Select(m => m.InstanceId));
        }

        Assert.Equal(["q-2", "q-3", "q-4", "q-5", "q-6"], running.Order());
        var created = new List<string>();
        var start = (await sut.GetAsync("q-2")).CreatedAt;
        await foreach (var metadata in sut.Client.GetAllInstancesAsync(new OrchestrationQuery(CreatedFrom: start, CreatedTo: start.AddMinutes(2))))
        {
            created.Add(metadata.InstanceId);
        }

        Assert.Equal(["q-2", "q-3"], created.Order());
        Assert.Equal(1, (await sut.Client.PurgeInstanceAsync("q-0")).PurgedInstanceCount);
        Assert.Null(await sut.Client.GetInstanceAsync("q-0"));
        Assert.Empty(await sut.Client.GetOrchestrationHistoryAsync("q-0"));
    }

    [Fact]
    public async Task CreateTimer_ThirtyDaysWithShortSlices_IsReEnqueuedUntilDue()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(
            registry => registry.AddOrchestratorFunc<int, DateTime>("Sleep", async (context, days) =>
            {
                await context.CreateTimer(TimeSpan.FromDays(days), CancellationToken.None);
                return context.CurrentUtcDateTime;
            }),
            configureBackend: options => options.MaxMessageDelay = TimeSpan.FromSeconds(1));
        var due = sut.Time.GetUtcNow().AddDays(30);
        var id = await sut.StartAsync("Sleep", 30);

        // Real seconds pass: every 1-second slice comes back early and is sent on again.
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1200), TimeProvider.System);
            await sut.DrainAsync();
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await sut.GetAsync(id)).RuntimeStatus);
        }

        sut.Time.Advance(TimeSpan.FromDays(30));
        var metadata = await sut.RunToCompletionAsync(id);

        Assert.True(metadata.ReadOutputAs<DateTime>() >= due.UtcDateTime);
        Assert.True(sut.Requests.Get("Queue", "PutMessage") >= 4, sut.Requests.Snapshot().ToString());
    }

    [Fact]
    public async Task PoisonWorkItem_OnAzurite_MovedToPoisonQueueAndInstanceFailed()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(
            Register,
            options =>
            {
                options.MaxDequeueCount = 2;
                options.FaultInjector = (step, _) => step == CheckpointStep.BeforeActivityResultSend
                    ? throw new InvalidOperationException("dies while replying")
                    : ValueTask.CompletedTask;
            });

        var id = await sut.StartAsync("Chain", 1);
        var metadata = await sut.RunToCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Contains("Poison message", metadata.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("delivered 3 times", metadata.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        var poison = new QueueClient(sut.ConnectionString, sut.BackendOptions.TaskHubName.ToLowerInvariant() + "-workitems-poison");
        var peeked = await poison.PeekMessagesAsync(32);
        Assert.Single(peeked.Value);
        Assert.Contains("\"Double\"", peeked.Value[0].MessageText, StringComparison.Ordinal);
    }
}
