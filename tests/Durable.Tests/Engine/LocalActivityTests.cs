using System.Collections.Concurrent;
using GuanGong.Testing;

namespace GuanGong.Durable.Tests.Engine;

public sealed class LocalActivityTests
{
    private readonly ConcurrentDictionary<string, int> _runs = new();
    private int _flakyCalls;

    private void Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<int, int>("Inc", (context, n) =>
        {
            _runs.AddOrUpdate($"{context.InstanceId}#{context.TaskId}", 1, (_, c) => c + 1);
            return Task.FromResult(n + 1);
        })
        .AddActivityFunc<int, string>("Flaky", (_, failures) =>
        {
            var call = Interlocked.Increment(ref _flakyCalls);
            return call <= failures ? throw new InvalidOperationException($"attempt {call} failed") : Task.FromResult($"ok after {call}");
        })
        .AddActivityFunc<string, string>("Boom", (_, message) => throw new ArgumentException(message, new FormatException("inner cause")))
        .AddOrchestratorFunc<int, int>("Chain", async (context, n) =>
        {
            for (var i = 0; i < 5; i++)
            {
                n = await context.CallActivityAsync<int>("Inc", n);
            }

            return n;
        })
        .AddOrchestratorFunc<int, string>("Retrying", (context, failures) =>
            context.CallActivityAsync<string>("Flaky", failures, TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromMinutes(1), backoffCoefficient: 2))))
        .AddOrchestratorFunc<string, string>("Catching", async (context, message) =>
        {
            try
            {
                return await context.CallActivityAsync<string>("Boom", message);
            }
            catch (TaskFailedException ex)
            {
                return $"{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}|{ex.FailureDetails.InnerFailure?.ErrorMessage}|{ex.FailureDetails.IsCausedBy<ArgumentException>()}";
            }
        })
        .AddOrchestratorFunc<int, int>("Approval", async (context, n) =>
        {
            n = await context.CallActivityAsync<int>("Inc", n);
            n = await context.CallActivityAsync<int>("Inc", n);
            var bonus = await context.WaitForExternalEvent<int>("Decision");
            return await context.CallActivityAsync<int>("Inc", n + bonus);
        })
        .AddOrchestratorFunc<int, int>("Restarting", async (context, n) =>
        {
            n = await context.CallActivityAsync<int>("Inc", n);
            if (n < 3)
            {
                context.ContinueAsNew(n);
            }

            return n;
        })
        .AddOrchestratorFunc<int, int>("Child", (context, n) => context.CallActivityAsync<int>("Inc", n * 10))
        .AddOrchestratorFunc<int, int>("Parent", async (context, count) =>
            (await Task.WhenAll(Enumerable.Range(1, count).Select(i => context.CallSubOrchestratorAsync<int>("Child", i)))).Sum());

    private CountingEngineHarness CreateSut(Action<DurableTaskWorkerOptions>? configure = null) => new(Register, configure);

    [Fact]
    public async Task CallActivityAsync_ChainOfFive_OneEpisodeOneCheckpointAndNoWorkItem()
    {
        await using var sut = CreateSut();
        using var spans = new SpanCounter();

        var id = await sut.StartAsync("Chain", 0);
        var metadata = await sut.GetAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal(5, metadata.ReadOutputAs<int>());
        Assert.Equal(0, metadata.PendingMessageCount);
        Assert.Equal(1, spans.Episodes([id]));
        Assert.Equal(5, spans.Activities([id]));
        Assert.Equal(1, sut.Counting.Checkpoints);
        Assert.Equal(0, sut.Counting.WorkItemSends);
        Assert.All(_runs.Values, count => Assert.Equal(1, count));
        Assert.Equal(0, sut.Backend.QueuedMessageCount);
    }

    [Fact]
    public async Task RunQueued_ActivityMarkedSo_GoesThroughTheWorkItemQueueWhileTheRestRunLocally()
    {
        await using var sut = new CountingEngineHarness(registry =>
        {
            Register(registry);
            registry.AddActivityFunc<int, int>("Slow", (_, n) => Task.FromResult(n + 100)).RunQueued("Slow")
                .AddOrchestratorFunc<int, int>("Mixed", async (context, n) =>
                {
                    n = await context.CallActivityAsync<int>("Inc", n);
                    n = await context.CallActivityAsync<int>("Slow", n);
                    return await context.CallActivityAsync<int>("Inc", n);
                });
        });

        var id = await sut.StartAsync("Mixed", 0);
        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromSeconds(1));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal(102, metadata.ReadOutputAs<int>());
        Assert.Equal(1, sut.Counting.WorkItemSends);
    }

    [Fact]
    public async Task CallActivityAsync_LocalOrQueued_RecordsTheSameHistoryShape()
    {
        await using var local = CreateSut();
        await using var queued = CreateSut(options => options.LocalActivities = false);

        var localId = await local.StartAsync("Chain", 0);
        var queuedId = await queued.StartAsync("Chain", 0);

        // One OrchestratorStarted per round, as if each round were its own episode: replay cannot tell.
        var localShape = (await local.Client.GetOrchestrationHistoryAsync(localId)).Select(Shape).ToList();
        var queuedShape = (await queued.Client.GetOrchestrationHistoryAsync(queuedId)).Select(Shape).ToList();
        Assert.Equal(queuedShape, localShape);
        Assert.Equal(6, localShape.Count(s => s == nameof(OrchestratorStartedEvent)));
        Assert.Equal(5, queued.Counting.WorkItemSends);
    }

    [Fact]
    public async Task CallActivityAsync_WaitingForAnEventAfterLocalActivities_ReplaysCleanlyAndResumes()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("Approval", 0);
        var waiting = await sut.GetAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting.RuntimeStatus);
        Assert.Equal(0, waiting.PendingMessageCount);

        var check = await sut.Worker.CheckInFlightInstancesAsync();
        Assert.True(check.AllCompatible, string.Join("; ", check.Incompatible.Select(i => i.Problem)));

        await sut.Client.RaiseEventAsync(id, "Decision", 40);
        await sut.DrainAsync();

        Assert.Equal(43, (await sut.GetAsync(id)).ReadOutputAs<int>());
        Assert.Equal(2, sut.Counting.Checkpoints);
        Assert.Equal(0, sut.Counting.WorkItemSends);
    }

    [Fact]
    public async Task CallActivityAsync_FanOutOfEight_RunsAtMostMaxConcurrentActivitiesAtOnce()
    {
        var running = 0;
        var peak = 0;
        await using var sut = new CountingEngineHarness(
            registry => registry
                .AddActivityFunc<int, int>("Slow", async (_, n) =>
                {
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref peak, now);
                    await Task.Delay(TimeSpan.FromMilliseconds(30), TimeProvider.System);
                    Interlocked.Decrement(ref running);
                    return n;
                })
                .AddOrchestratorFunc<int, int>("Fan", async (context, count) =>
                    (await Task.WhenAll(Enumerable.Range(1, count).Select(i => context.CallActivityAsync<int>("Slow", i)))).Sum()),
            options => options.MaxConcurrentActivityFunctions = 3);

        var id = await sut.StartAsync("Fan", 8);

        Assert.Equal(36, (await sut.GetAsync(id)).ReadOutputAs<int>());
        Assert.InRange(peak, 2, 3);
        Assert.Equal(0, sut.Counting.WorkItemSends);
    }

    [Fact]
    public async Task CallActivityAsync_RetryPolicy_FailedLocalAttemptsRetryAfterDurableTimers()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("Retrying", 2);

        // The first attempt failed locally; the retry waits on a durable timer, so the episode ended there.
        var waiting = await sut.GetAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting.RuntimeStatus);
        Assert.Equal(1, _flakyCalls);
        Assert.Single((await sut.Client.GetOrchestrationHistoryAsync(id)).OfType<TaskFailedEvent>());

        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal("ok after 3", metadata.ReadOutputAs<string>());
        var history = await sut.Client.GetOrchestrationHistoryAsync(id);
        var timers = history.OfType<TimerCreatedEvent>().ToList();
        Assert.Equal(2, timers.Count);
        Assert.Equal(TimeSpan.FromMinutes(1), timers[0].FireAt - timers[0].Timestamp);
        Assert.Equal(TimeSpan.FromMinutes(2), timers[1].FireAt - timers[1].Timestamp);
        Assert.Equal(2, history.OfType<TaskFailedEvent>().Count());
        Assert.Equal(0, sut.Counting.WorkItemSends);
    }

    [Fact]
    public async Task CallActivityAsync_LocalActivityThrows_OrchestratorSeesTheSameFailureDetails()
    {
        await using var sut = CreateSut();

        var id = await sut.StartAsync("Catching", "bad input");

        Assert.Equal("System.ArgumentException|bad input|inner cause|True", (await sut.GetAsync(id)).ReadOutputAs<string>());
        var failed = Assert.Single((await sut.Client.GetOrchestrationHistoryAsync(id)).OfType<TaskFailedEvent>());
        Assert.Equal(typeof(ArgumentException).FullName, failed.FailureDetails.ErrorType);
        Assert.NotNull(failed.FailureDetails.StackTrace);
    }

    [Fact]
    public async Task ContinueAsNew_AfterALocalActivity_StartsTheNextExecutionWithFreshHistory()
    {
        await using var sut = CreateSut();

        var id = await sut.StartAsync("Restarting", 0);
        var metadata = await sut.GetAsync(id);

        Assert.Equal(3, metadata.ReadOutputAs<int>());
        var history = await sut.Client.GetOrchestrationHistoryAsync(id);
        Assert.Single(history.OfType<ExecutionStartedEvent>());
        Assert.Single(history.OfType<TaskScheduledEvent>());
        Assert.Equal(0, sut.Counting.WorkItemSends);
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildrenRunTheirActivitiesLocally_ParentSumsOutputs()
    {
        await using var sut = CreateSut();

        var id = await sut.StartAsync("Parent", 4);

        Assert.Equal(104, (await sut.GetAsync(id)).ReadOutputAs<int>());
        Assert.Equal(0, sut.Counting.WorkItemSends);
    }

    [Fact]
    public async Task LocalActivityMaxRounds_ChainLongerThanTheCap_QueuesTheRestAndCompletes()
    {
        await using var sut = CreateSut(options => options.LocalActivityMaxRounds = 2);
        using var spans = new SpanCounter();

        var id = await sut.StartAsync("Chain", 0);

        // Rounds 1-2 local, the third call queued; its result's episode runs 4-5 locally.
        Assert.Equal(5, (await sut.GetAsync(id)).ReadOutputAs<int>());
        Assert.Equal(1, sut.Counting.WorkItemSends);
        Assert.Equal(2, spans.Episodes([id]));
        Assert.Equal(5, (await sut.Client.GetOrchestrationHistoryAsync(id)).OfType<TaskCompletedEvent>().Count());
    }

    [Fact]
    public async Task LocalActivityTimeLimit_SlowActivities_StopInliningOnceTheBudgetIsSpent()
    {
        FakeTimeProvider? clock = null;
        await using var sut = new CountingEngineHarness(
            registry => registry
                .AddActivityFunc<int, int>("Slow", (_, n) =>
                {
                    clock!.Advance(TimeSpan.FromSeconds(20));
                    return Task.FromResult(n + 1);
                })
                .AddOrchestratorFunc<int, int>("SlowChain", async (context, n) =>
                {
                    for (var i = 0; i < 4; i++)
                    {
                        n = await context.CallActivityAsync<int>("Slow", n);
                    }

                    return n;
                }),
            options => options.LocalActivityTimeLimit = TimeSpan.FromSeconds(30));
        clock = sut.Time;

        var id = await sut.StartAsync("SlowChain", 0);

        // 20 s, 40 s: the third call is queued; its episode runs the fourth locally.
        Assert.Equal(4, (await sut.GetAsync(id)).ReadOutputAs<int>());
        Assert.Equal(1, sut.Counting.WorkItemSends);
    }

    [Fact]
    public async Task CallActivityAsync_ActivityNotRegisteredOnThisWorker_IsQueuedForAWorkerThatHasIt()
    {
        var backend = new InMemoryOrchestrationBackend();
        var orchestrating = new DurableTaskRegistry()
            .AddActivityFunc<string, string>("Near", (_, s) => Task.FromResult(s + "n"))
            .AddOrchestratorFunc<string, string>("Mixed", async (context, s) =>
            {
                s = await context.CallActivityAsync<string>("Near", s);
                s = await context.CallActivityAsync<string>("Far", s);
                return await context.CallActivityAsync<string>("Near", s);
            });
        var remote = new DurableTaskRegistry().AddActivityFunc<string, string>("Far", (_, s) => Task.FromResult(s + "f"));
        await using var first = new DurableTaskWorker(backend, orchestrating, new DurableTaskWorkerOptions { LocalActivities = true });
        await using var second = new DurableTaskWorker(backend, remote, new DurableTaskWorkerOptions { LocalActivities = true });
        var client = new DurableTaskClient(backend);

        // Driven like queue triggers: control messages to the first worker, work items to the second.
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Mixed", ">");
        var workItems = 0;
        for (var round = 0; round < 10 && !(await client.GetInstanceAsync(id))!.IsCompleted; round++)
        {
            for (var partition = 0; partition < backend.PartitionCount; partition++)
            {
                foreach (var message in await backend.ReceiveControlMessagesAsync(partition, 32, TimeSpan.FromMinutes(5)))
                {
                    await first.ProcessControlMessageAsync(TaskMessageSerializer.Serialize(message.Message), message.DequeueCount);
                    await backend.DeleteMessageAsync(message);
                }
            }

            foreach (var message in await backend.ReceiveWorkItemsAsync(32, TimeSpan.FromMinutes(5)))
            {
                workItems++;
                await second.ProcessWorkItemMessageAsync(TaskMessageSerializer.Serialize(message.Message), message.DequeueCount);
                await backend.DeleteMessageAsync(message);
            }
        }

        Assert.Equal(">nfn", (await client.GetInstanceAsync(id, getInputsAndOutputs: true))!.ReadOutputAs<string>());
        Assert.Equal(1, workItems);
    }

    [Fact]
    public async Task LocalActivity_OutlastsTheVisibilityTimeout_ControlMessageIsKeptHiddenAndRunsOnce()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        await using var sut = new CountingEngineHarness(registry => registry
            .AddActivityFunc<int, int>("Slow", async (_, n) =>
            {
                Interlocked.Increment(ref runs);
                started.TrySetResult();
                await release.Task;
                return n;
            })
            .AddOrchestratorFunc<int, int>("Wait", (context, n) => context.CallActivityAsync<int>("Slow", n)));
        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Wait", 7);
        var drain = sut.DrainAsync();
        await started.Task;

        // 12 minutes pass (the timeout is 5): renewals every 2.5 minutes keep the start message hidden.
        for (var i = 0; i < 8; i++)
        {
            sut.Time.Advance(TimeSpan.FromSeconds(90));
            await Task.Yield();
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            Assert.Empty(await sut.Backend.ReceiveControlMessagesAsync(PartitionHash.Of(id, 4), 32, TimeSpan.FromMinutes(5)));
        }

        release.SetResult();
        await drain;
        await sut.DrainAsync();

        Assert.Equal(7, (await sut.GetAsync(id)).ReadOutputAs<int>());
        Assert.Equal(1, runs);
        Assert.Equal(0, sut.Backend.QueuedMessageCount);
    }

    private static string Shape(HistoryEvent e) => e switch
    {
        TaskScheduledEvent s => $"{nameof(TaskScheduledEvent)}#{s.TaskId}",
        TaskCompletedEvent c => $"{nameof(TaskCompletedEvent)}#{c.TaskScheduledId}",
        _ => e.GetType().Name,
    };

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
