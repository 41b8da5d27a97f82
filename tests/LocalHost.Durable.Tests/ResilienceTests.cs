using DurableTask.Core;
using DurableTask.Core.History;

using Microsoft.DurableTask.Client;

namespace GuanGong.LocalHost.Durable.Tests;

public sealed class ResilienceTests : EngineTestBase
{
    private readonly RunLog _log = new();

    private TestTaskFactory Chain(int steps, TimeSpan stepTime) => new TestTaskFactory()
        .Activity("Step", async (ctx, input) =>
        {
            _log.Record($"{ctx.InstanceId}/{input}");
            await Task.Delay(stepTime);
            return input;
        })
        .Orchestrator("Chain", async (ctx, input) =>
        {
            for (var i = 1; i <= steps; i++)
            {
                await ctx.CallActivityAsync<string?>("Step", $"s{i}");
            }

            return "done";
        });

    [Fact]
    public async Task WorkerRestart_MidChain_FinishedStepsNotRerun_ChainCompletes()
    {
        var engine = Engine();
        var first = await StartAsync(engine, Chain(6, TimeSpan.FromMilliseconds(300)));
        var client = engine.CreateClient();
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Chain", "c");

        using (var cts = new CancellationTokenSource(Patience))
        {
            while (_log.Count($"{id}/s2") == 0)
            {
                await Task.Delay(50, cts.Token);
            }
        }

        await first.StopAsync();
        var finishedBeforeStop = _log.Snapshot().Count;
        await StartAsync(Engine(), Chain(6, TimeSpan.FromMilliseconds(300)));

        var done = await CompleteAsync(client, id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.InRange(finishedBeforeStop, 2, 5);
        for (var i = 1; i <= 6; i++)
        {
            Assert.Equal(1, _log.Count($"{id}/s{i}"));
        }
    }

    [Fact]
    public async Task TwoWorkersOnOneHub_ManyChains_NoActivityRunsTwice()
    {
        var factory = Chain(3, TimeSpan.FromMilliseconds(20));
        var engineA = Engine(o => o.WorkerId = "worker-a");
        var engineB = Engine(o => o.WorkerId = "worker-b");
        await StartAsync(engineA, factory);
        await StartAsync(engineB, factory);
        var client = engineA.CreateClient();

        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("Chain", "c"));
        }

        foreach (var id in ids)
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await CompleteAsync(client, id)).RuntimeStatus);
        }

        var runs = _log.Snapshot();
        Assert.Equal(60, runs.Count);
        Assert.All(runs, r => Assert.Equal(1, r.Value));
    }

    [Fact]
    public async Task PoisonActivity_DispatcherFailsEveryDelivery_InstanceFailsWithVisibleReason()
    {
        var engine = Engine(o =>
        {
            o.PoisonDequeueCount = 3;
            // Stands in for a process that dies on this step: the dispatcher fails, DTFx abandons the message,
            // it comes back with a higher dequeue count (after 2 s, then 4 s: DTFx's back-off).
            o.ActivityMiddleware.Add((ctx, next) =>
                ctx.GetProperty<TaskScheduledEvent>()?.Name == "Poisoned"
                    ? throw new InvalidOperationException("simulated crash while running the step")
                    : next());
        });
        var factory = new TestTaskFactory()
            .Activity("Poisoned", (ctx, input) => Task.FromResult<string?>("never"))
            .Orchestrator("Victim", async (ctx, input) => await ctx.CallActivityAsync<string?>("Poisoned", input));
        await StartAsync(engine, factory);
        var client = engine.CreateClient();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Victim", "x");
        var done = await CompleteAsync(client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("poison", done.FailureDetails!.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Poisoned", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoisonOrchestration_DispatcherFailsEveryDelivery_InstanceEndsFailedWithReason()
    {
        var engine = Engine(o =>
        {
            o.PoisonDequeueCount = 3;
            o.OrchestrationMiddleware.Add((ctx, next) =>
                ctx.GetProperty<OrchestrationRuntimeState>()?.Name == "Crashing"
                    ? throw new InvalidOperationException("simulated crash while replaying")
                    : next());
        });
        var factory = new TestTaskFactory().Orchestrator("Crashing", (ctx, input) => Task.FromResult<string?>("never"));
        await StartAsync(engine, factory);
        var client = engine.CreateClient();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Crashing", "x");
        var done = await CompleteAsync(client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("PoisonMessage", done.FailureDetails!.ErrorType);
        Assert.Matches("delivered [0-9]+ times", done.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task QueuesDownWhileAnActivityFinishes_ItsMessageIsHandedBackOnceTheyReturn_AndTheActivityRunsAgain()
    {
        // The queues fail while the activity's result is sent and while its message is handed back. DTFx then still
        // counts the message as running and drops every redelivery of it (Azure/durabletask#1173): without the
        // engine retrying the hand-back, this instance never completes in this process.
        var queuesDown = new QueuesDown(Hub);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var factory = new TestTaskFactory()
            .Activity("Held", async (ctx, input) =>
            {
                _log.Record($"{ctx.InstanceId}/held");
                await release.Task;
                return input;
            })
            .Orchestrator("One", async (ctx, input) => await ctx.CallActivityAsync<string?>("Held", input));
        var engine = Engine(o => o.StoragePolicies.Add(queuesDown));
        await StartAsync(engine, factory);
        var client = engine.CreateClient();
        var id = await client.ScheduleNewOrchestrationInstanceAsync("One", "x");

        using (var cts = new CancellationTokenSource(Patience))
        {
            while (_log.Count($"{id}/held") == 0)
            {
                await Task.Delay(50, cts.Token);
            }

            queuesDown.Armed = true;
            release.SetResult();
            // The result could not be sent (a message put on the control queue), then the hand-back failed (an
            // update of the work-item message): now storage comes back.
            while (!queuesDown.Refused(r => r.Method == "PUT" && r.Path.Contains(Hub + "-workitems/messages/", StringComparison.OrdinalIgnoreCase)
                && queuesDown.Refused(s => s.Method == "POST" && s.Path.Contains(Hub + "-control-", StringComparison.OrdinalIgnoreCase) && s.At < r.At)))
            {
                await Task.Delay(50, cts.Token);
            }

            queuesDown.Armed = false;
        }

        var done = await CompleteAsync(client, id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("\"x\"", done.SerializedOutput);
        Assert.Equal(2, _log.Count($"{id}/held"));
    }

    /// <summary>While armed, fails every request to the hub's queues before it is sent (no retries: a per-call policy).</summary>
    private sealed class QueuesDown(string hub) : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Method, string Path, long At)> _refused = new();
        private long _sequence;

        public volatile bool Armed;

        public bool Refused(Func<(string Method, string Path, long At), bool> match) => _refused.Any(match);

        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            var path = message.Request.Uri.Path;
            if (Armed && (path.Contains(hub + "-workitems", StringComparison.OrdinalIgnoreCase) || path.Contains(hub + "-control-", StringComparison.OrdinalIgnoreCase)))
            {
                _refused.Enqueue((message.Request.Method.Method, path, Interlocked.Increment(ref _sequence)));
                throw new IOException("Injected: the storage queues are unreachable.");
            }
        }
    }

    [Fact]
    public async Task StoragePolicy_SeesQueueTableAndBlobRequestsOfWorkerAndClient()
    {
        var counter = new CountingPolicy();
        var engine = Engine(o => o.StoragePolicies.Add(counter));
        await StartAsync(engine, Chain(2, TimeSpan.Zero));
        var client = engine.CreateClient();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Chain", "c");
        await CompleteAsync(client, id);

        var paths = counter.Paths.ToList();
        Assert.Contains(paths, p => p.Contains(Hub + "-workitems", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(paths, p => p.Contains(Hub + "History", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(paths, p => p.Contains(Hub + "-applease", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class CountingPolicy : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Paths { get; } = [];

        public override void OnSendingRequest(Azure.Core.HttpMessage message) => Paths.Add(message.Request.Uri.Path);
    }

    [Fact]
    public async Task ActivityMiddleware_ObservesStepsOfAnInstance()
    {
        var observed = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var engine = Engine(o => o.ActivityMiddleware.Add(async (ctx, next) =>
        {
            await next();
            observed.Enqueue($"{ctx.GetProperty<OrchestrationInstance>()!.InstanceId}:{ctx.GetProperty<TaskScheduledEvent>()!.Name}");
        }));
        await StartAsync(engine, Chain(2, TimeSpan.Zero));
        var client = engine.CreateClient();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Chain", "c");
        await CompleteAsync(client, id);

        Assert.Equal([$"{id}:Step", $"{id}:Step"], observed);
    }
}
