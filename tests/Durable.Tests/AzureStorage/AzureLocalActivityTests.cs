using System.Globalization;
using GuanGong.Durable.AzureStorage;
using GuanGong.Storage.Queues;
using Xunit.Abstractions;

namespace GuanGong.Durable.Tests.AzureStorage;

public sealed class AzureLocalActivityTests(ITestOutputHelper output)
{
    private const int Chains = 10;

    private static void RegisterChain(DurableTaskRegistry registry) => registry
        .AddActivityFunc<int, int>("Step", (_, n) => Task.FromResult(n + 1))
        .AddOrchestratorFunc<int, int>("Chain", async (context, n) =>
        {
            for (var i = 0; i < 5; i++)
            {
                n = await context.CallActivityAsync<int>("Step", n);
            }

            return n;
        });

    [Fact]
    public async Task PollingDispatcher_FiveActivityChainsOnAzurite_LocalActivitiesMakeOneWorkItemPerChainAndFarFewerRequests()
    {
        var queued = await RunChainsAsync(localActivities: false);
        var local = await RunChainsAsync(localActivities: true);

        output.WriteLine($"queued: {queued}");
        output.WriteLine($"local:  {local}");
        // A message redelivered under load (a slow machine outliving a visibility timeout) is one more
        // work item, discarded as a duplicate: the counts are floors, with a little room above.
        Assert.InRange(queued.WorkItems, 11 * Chains, 12 * Chains);
        Assert.InRange(local.WorkItems, Chains, 2 * Chains);
        Assert.True(local.Requests * 3 < queued.Requests, $"local {local.Requests} vs queued {queued.Requests} requests");
    }

    [Fact]
    public async Task ProcessControlMessageAsync_DrivenLikeAQueueTriggerWithLocalActivities_CompletesWithoutAWorkItem()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(
            registry => registry
                .AddActivityFunc<string, string>("Pad", (_, text) => Task.FromResult(text + new string('.', 60_000)))
                .AddOrchestratorFunc<string, int>("Flow", async (context, input) =>
                {
                    var padded = await context.CallActivityAsync<string>("Pad", input);
                    var again = await context.CallActivityAsync<string>("Pad", padded[..10]);
                    return padded.Length + again.Length;
                }),
            options => options.LocalActivities = true);
        var control = sut.Backend.ControlQueueNames.Select(name => new QueueClient(sut.ConnectionString, name)).ToList();
        var workItems = new QueueClient(sut.ConnectionString, sut.Backend.WorkItemQueueName);
        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Flow", "go");

        var delivered = 0;
        for (var round = 0; round < 10 && !(await sut.GetAsync(id)).IsCompleted; round++)
        {
            foreach (var queue in control)
            {
                foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value)
                {
                    delivered++;
                    await sut.Worker.ProcessControlMessageAsync(message.MessageText, message.DequeueCount);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
            }
        }

        // The 60 KB results went into the one checkpoint (large values spill to blobs) and replay from there.
        Assert.Equal(60_002 + 60_010, (await sut.GetAsync(id)).ReadOutputAs<int>());
        Assert.Equal(1, delivered);
        Assert.Empty((await workItems.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value);
    }

    [Theory]
    [InlineData(CheckpointStep.BeforeHistoryWrite)]
    [InlineData(CheckpointStep.AfterHistoryWrite)]
    [InlineData(CheckpointStep.BeforeActivityResultSend)]
    public async Task Checkpoint_CrashOnceOnAzurite_EachLocalActivityRecordedOnce(CheckpointStep step)
    {
        var crashed = new HashSet<string>();
        await using var sut = await AzureEngineHarness.CreateAsync(
            registry => registry
                .AddActivityFunc<string, string>("Step", (_, text) => Task.FromResult(text))
                .AddOrchestratorFunc<string, string>("Workflow", async (context, input) =>
                {
                    var a = await context.CallActivityAsync<string>("Step", input + "1");
                    var fan = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => context.CallActivityAsync<string>("Step", "f")));
                    return await context.CallActivityAsync<string>("Step", a + string.Concat(fan));
                }),
            options =>
            {
                options.LocalActivities = true;
                options.FaultInjector = (at, instanceId) =>
                {
                    lock (crashed)
                    {
                        return at == step && crashed.Add(instanceId) ? throw new IOException($"simulated crash at {at}") : ValueTask.CompletedTask;
                    }
                };
            });

        foreach (var id in new[] { "a", "b" })
        {
            await sut.Client.ScheduleNewOrchestrationInstanceAsync("Workflow", id, new StartOrchestrationOptions(id));
        }

        foreach (var id in new[] { "a", "b" })
        {
            var metadata = await sut.RunToCompletionAsync(id, maxRounds: 40);
            Assert.Equal(id + "1fff", metadata.ReadOutputAs<string>());
            var history = await sut.Client.GetOrchestrationHistoryAsync(id);
            Assert.Equal(5, history.OfType<TaskScheduledEvent>().Count());
            Assert.Equal(5, history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Distinct().Count());
            Assert.Equal(5, history.OfType<TaskCompletedEvent>().Count());
            Assert.Single(history.OfType<ExecutionCompletedEvent>());
        }

        // The only queue messages were the two starts: no activity ever went through the work-item queue.
        Assert.Equal(2, crashed.Count);
        Assert.Equal(2, sut.Requests.Get("Queue", "PutMessage"));
    }

    [Fact]
    public async Task LocalActivity_CrashesEveryTimeOnAzurite_StartMessageIsPoisonAndInstanceFails()
    {
        var attempts = 0;
        await using var sut = await AzureEngineHarness.CreateAsync(
            registry => registry
                .AddActivityFunc<string, string>("Fatal", (_, x) =>
                {
                    Interlocked.Increment(ref attempts);
                    return Task.FromResult(x);
                })
                .AddOrchestratorFunc<string, string>("Doomed", (context, x) => context.CallActivityAsync<string>("Fatal", x)),
            options =>
            {
                options.LocalActivities = true;
                options.FaultInjector = (step, _) => step == CheckpointStep.BeforeActivityResultSend
                    ? throw new InvalidOperationException("the process dies inside the activity")
                    : ValueTask.CompletedTask;
            });

        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Doomed", "x");
        var metadata = await sut.RunToCompletionAsync(id, maxRounds: 60);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Equal("GuanGong.Durable.PoisonMessage", metadata.FailureDetails!.ErrorType);
        Assert.Contains("ExecutionStarted control message", metadata.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("delivered 6 times", metadata.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(5, attempts);
        var poison = new QueueClient(sut.ConnectionString, sut.Backend.ControlQueueNames[PartitionHash.Of(id, sut.Backend.PartitionCount)] + "-poison");
        Assert.Single((await poison.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value);
    }

    private async Task<ChainRun> RunChainsAsync(bool localActivities)
    {
        await using var sut = await AzureEngineHarness.CreateAsync(RegisterChain, configureBackend: backend => backend.PartitionCount = 4);
        var options = new DurableTaskWorkerOptions
        {
            LocalActivities = localActivities,
            MaxConcurrentActivityFunctions = 10,
            MaxConcurrentOrchestratorFunctions = 100,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(30),
        };
        await using var worker = new DurableTaskWorker(sut.Backend, sut.Registry, options);
        var watcher = new DurableTaskClient(AzureStorageOrchestrationBackend.FromConnectionString(sut.ConnectionString, sut.BackendOptions));
        using var spans = new SpanCounter();
        await worker.StartAsync(CancellationToken.None);
        sut.Requests.Reset();

        var ids = new List<string>();
        for (var i = 0; i < Chains; i++)
        {
            ids.Add(await sut.Client.ScheduleNewOrchestrationInstanceAsync("Chain", i));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var id in ids)
        {
            Assert.Equal(ids.IndexOf(id) + 5, (await watcher.WaitForInstanceCompletionAsync(id, true, timeout.Token)).ReadOutputAs<int>());
        }

        // The last episode records its span just after its checkpoint: wait for every span.
        var expected = localActivities ? Chains : 11 * Chains;
        for (var i = 0; i < 100 && spans.Episodes(ids) + spans.QueuedActivities(ids) < expected; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        var requests = sut.Requests.Snapshot();
        await worker.StopAsync(CancellationToken.None);
        return new ChainRun(spans.Episodes(ids) + spans.QueuedActivities(ids), spans.RequestsInWorkItems(ids), requests.Total, requests.ToString());
    }

    private sealed record ChainRun(int WorkItems, long RequestsInWorkItems, long Requests, string ByOperation)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Chains} chains of 5 activities: {WorkItems} work items ({(double)WorkItems / Chains:F1}/chain), {RequestsInWorkItems} requests inside them, {Requests} requests in all ({(double)Requests / Chains:F1}/chain; client starts and polls included): {ByOperation}");
    }
}
