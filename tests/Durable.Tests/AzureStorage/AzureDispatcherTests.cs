using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace GuanGong.Durable.Tests.AzureStorage;

public sealed class AzureDispatcherTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoDispatchers_OneTaskHubOnAzurite_EveryInstanceCompletesAndNoStepIsAppliedTwice()
    {
        var executions = new ConcurrentDictionary<string, int>();
        await using var sut = await AzureEngineHarness.CreateAsync(registry => registry
            .AddActivityFunc<int, int>("Inc", (context, n) =>
            {
                executions.AddOrUpdate($"{context.InstanceId}#{context.TaskId}", 1, (_, c) => c + 1);
                return Task.FromResult(n + 1);
            })
            .AddOrchestratorFunc<int, int>("Work", async (context, n) =>
            {
                n = await context.CallActivityAsync<int>("Inc", n);
                var fan = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => context.CallActivityAsync<int>("Inc", n)));
                return fan.Sum();
            }));
        var options = new DurableTaskWorkerOptions { TimeProvider = sut.Time, MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500) };
        await using var first = new DurableTaskWorker(sut.Backend, sut.Registry, options);

        // The second dispatcher is another "process": its own backend object, so no shared wake-ups.
        var otherProcess = GuanGong.Durable.AzureStorage.AzureStorageOrchestrationBackend.FromConnectionString(sut.ConnectionString, sut.BackendOptions);
        await using var second = new DurableTaskWorker(otherProcess, sut.Registry, options);
        await first.StartAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await sut.Client.ScheduleNewOrchestrationInstanceAsync("Work", i));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        foreach (var id in ids)
        {
            var metadata = await sut.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
            Assert.Equal(4 * (ids.IndexOf(id) + 2), metadata.ReadOutputAs<int>());
            var history = await sut.Client.GetOrchestrationHistoryAsync(id);
            Assert.Equal(5, history.OfType<TaskScheduledEvent>().Count());
            Assert.Equal(5, history.OfType<TaskCompletedEvent>().Count());
        }

        clock.Stop();
        Assert.Equal(12 * 5, executions.Count);
        Assert.All(executions.Values, count => Assert.Equal(1, count));
        output.WriteLine($"two dispatchers on Azurite: 12 instances x 5 activities in {clock.Elapsed.TotalSeconds:F1} s");
        await first.StopAsync(CancellationToken.None);
        await second.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_IdleTaskHub_BacksOffPollingToTheConfiguredMaximum()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(registry => registry
            .AddOrchestratorFunc<int, int>("Echo", (_, n) => Task.FromResult(n)));
        var options = new DurableTaskWorkerOptions
        {
            TimeProvider = sut.Time,
            MinQueuePollingInterval = TimeSpan.FromMilliseconds(50),
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
        };
        await using var worker = new DurableTaskWorker(sut.Backend, sut.Registry, options);
        sut.Requests.Reset();

        await worker.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(4), TimeProvider.System);
        var idlePolls = sut.Requests.Get("Queue", "GetMessages");

        // Still quick when work arrives: the enqueue wakes the sleeping loops.
        var clock = Stopwatch.StartNew();
        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 5);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal(5, (await sut.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token)).ReadOutputAs<int>());
        clock.Stop();
        await worker.StopAsync(CancellationToken.None);

        // 3 loops (2 control partitions + work items) polling every 50 ms would make ~240 requests in 4 s.
        output.WriteLine($"idle for 4 s: {idlePolls} queue polls; an enqueue then completed in {clock.ElapsedMilliseconds} ms");
        Assert.InRange(idlePolls, 3, 40);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
