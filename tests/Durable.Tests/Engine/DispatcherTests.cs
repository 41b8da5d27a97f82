using System.Collections.Concurrent;
using System.Diagnostics;

namespace GuanGong.Durable.Tests.Engine;

public sealed class DispatcherTests
{
    private static void Register(DurableTaskRegistry registry, ConcurrentDictionary<string, int>? executions = null) => registry
        .AddActivityFunc<int, int>("Inc", (context, n) =>
        {
            executions?.AddOrUpdate($"{context.InstanceId}#{context.TaskId}", 1, (_, c) => c + 1);
            return Task.FromResult(n + 1);
        })
        .AddOrchestratorFunc<int, int>("Work", async (context, n) =>
        {
            n = await context.CallActivityAsync<int>("Inc", n);
            n = await context.CallActivityAsync<int>("Inc", n);
            var fan = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => context.CallActivityAsync<int>("Inc", n)));
            return fan.Sum();
        });

    [Fact]
    public async Task StartAsync_IdleDispatcher_IsWokenAtOnceByAnEnqueueInTheSameProcess()
    {
        var backend = new InMemoryOrchestrationBackend();
        var registry = new DurableTaskRegistry();
        Register(registry);
        await using var worker = new DurableTaskWorker(backend, registry, new DurableTaskWorkerOptions { MaxQueuePollingInterval = TimeSpan.FromSeconds(30), MinQueuePollingInterval = TimeSpan.FromSeconds(10) });
        var client = new DurableTaskClient(backend);
        await worker.StartAsync(CancellationToken.None);

        // The loops are idle with a 10-30 s back-off; only the wake-up signal can make this fast.
        var clock = Stopwatch.StartNew();
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Work", 0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        var metadata = await client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.Equal(15, metadata.ReadOutputAs<int>());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TwoDispatchers_OneTaskHub_EveryInstanceCompletesAndNoStepIsAppliedTwice()
    {
        var backend = new InMemoryOrchestrationBackend(partitionCount: 2);
        var executions = new ConcurrentDictionary<string, int>();
        var registry = new DurableTaskRegistry();
        Register(registry, executions);
        var options = new DurableTaskWorkerOptions { MaxQueuePollingInterval = TimeSpan.FromMilliseconds(200), MaxConcurrentActivityFunctions = 4 };
        await using var first = new DurableTaskWorker(backend, registry, options);
        await using var second = new DurableTaskWorker(backend, registry, options);
        var client = new DurableTaskClient(backend);
        await first.StartAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);

        var ids = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("Work", i));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var id in ids)
        {
            var metadata = await client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
            Assert.Equal(5 * (ids.IndexOf(id) + 3), metadata.ReadOutputAs<int>());
            var history = await client.GetOrchestrationHistoryAsync(id);
            Assert.Equal(7, history.OfType<TaskScheduledEvent>().Select(e => e.TaskId).Distinct().Count());
            Assert.Equal(7, history.OfType<TaskScheduledEvent>().Count());
            Assert.Equal(7, history.OfType<TaskCompletedEvent>().Count());
            Assert.Single(history.OfType<ExecutionStartedEvent>());
        }

        // No crash happened, so no activity ran twice: each episode was applied by exactly one dispatcher.
        Assert.Equal(40 * 7, executions.Count);
        Assert.All(executions.Values, count => Assert.Equal(1, count));
        await first.StopAsync(CancellationToken.None);
        await second.StopAsync(CancellationToken.None);
    }
}
