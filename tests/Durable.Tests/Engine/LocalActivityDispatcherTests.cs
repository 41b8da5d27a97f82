using System.Collections.Concurrent;

namespace GuanGong.Durable.Tests.Engine;

public sealed class LocalActivityDispatcherTests
{
    [Fact]
    public async Task TwoPollingDispatchers_LocalActivities_EveryInstanceCompletesAndNoActivityRunsTwice()
    {
        var backend = new InMemoryOrchestrationBackend(partitionCount: 2);
        var runs = new ConcurrentDictionary<string, int>();
        var registry = new DurableTaskRegistry()
            .AddActivityFunc<int, int>("Inc", (context, n) =>
            {
                runs.AddOrUpdate($"{context.InstanceId}#{context.TaskId}", 1, (_, c) => c + 1);
                return Task.FromResult(n + 1);
            })
            .AddOrchestratorFunc<int, int>("Work", async (context, n) =>
            {
                n = await context.CallActivityAsync<int>("Inc", n);
                n = await context.CallActivityAsync<int>("Inc", n);
                var fan = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => context.CallActivityAsync<int>("Inc", n)));
                return fan.Sum();
            });
        var options = new DurableTaskWorkerOptions { LocalActivities = true, MaxQueuePollingInterval = TimeSpan.FromMilliseconds(200), MaxConcurrentActivityFunctions = 4 };
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
            Assert.Equal(5 * (ids.IndexOf(id) + 3), metadata.ReadOutputAs<int>());
            var history = await client.GetOrchestrationHistoryAsync(id);
            Assert.Equal(7, history.OfType<TaskScheduledEvent>().Count());
            Assert.Equal(7, history.OfType<TaskCompletedEvent>().Count());
        }

        Assert.Equal(40 * 7, runs.Count);
        Assert.All(runs.Values, count => Assert.Equal(1, count));
        Assert.Equal(0, backend.QueuedMessageCount);
        await first.StopAsync(CancellationToken.None);
        await second.StopAsync(CancellationToken.None);
    }
}
