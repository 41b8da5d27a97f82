using System.Globalization;
using GuanGong.Durable.AzureStorage;
using GuanGong.Testing;
using Xunit.Abstractions;

namespace GuanGong.Durable.Tests.AzureStorage;

public sealed class AzureIdlePollingTests(ITestOutputHelper output)
{
    // host.json: 4 control partitions plus the work-item queue; maxQueuePollingInterval 30 s.
    private const int Queues = 5;
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StartAsync_IdleHourWithTheAppSettings_MakesAtMost120StorageRequestsAndStillFindsMessages()
    {
        var clock = new TrackingTimeProvider(new FakeTimeProvider());
        await using var sut = await AzureEngineHarness.CreateAsync(
            registry => registry.AddOrchestratorFunc<int, int>("Echo", (_, n) => Task.FromResult(n)),
            configureBackend: backend => backend.PartitionCount = 4);
        var options = new DurableTaskWorkerOptions
        {
            TimeProvider = clock,
            PollingTimeProvider = clock,
            MinQueuePollingInterval = TimeSpan.FromMilliseconds(50),
            MaxQueuePollingInterval = MaxInterval,
        };
        await using var worker = new DurableTaskWorker(sut.Backend, sut.Registry, options);
        await worker.StartAsync(CancellationToken.None);
        await clock.SettleAsync(Queues);

        // Settle (every queue backs off to 30 s within a minute), then count one idle hour.
        await clock.AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1), Queues);
        sut.Requests.Reset();
        await clock.AdvanceAsync(TimeSpan.FromHours(1), TimeSpan.FromSeconds(5), Queues);
        var idle = sut.Requests.Snapshot();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle hour, 4 partitions, max interval 30 s: {idle.Total} storage requests ({idle}); one receive per queue per interval would be {Queues * 120}"));
        Assert.Equal(idle.Total, idle["Queue", "GetMessages"]);
        Assert.InRange(idle.Total, 100, 120);

        // A message from another process (no wake-up here) is found within one round of turns...
        var otherProcess = new DurableTaskClient(AzureStorageOrchestrationBackend.FromConnectionString(sut.ConnectionString, sut.BackendOptions));
        var first = await otherProcess.ScheduleNewOrchestrationInstanceAsync("Echo", 1);
        var firstLag = await AdvanceUntilCompletedAsync(clock, otherProcess, first);
        Assert.True(firstLag <= (MaxInterval * Queues) + TimeSpan.FromSeconds(5), $"found after {firstLag}");

        // ...and once one queue is warm the turns are over: every queue is back to polling every 30 s.
        var second = await otherProcess.ScheduleNewOrchestrationInstanceAsync("Echo", 2);
        var secondLag = await AdvanceUntilCompletedAsync(clock, otherProcess, second);
        output.WriteLine($"message from another process found after {firstLag.TotalSeconds} s when idle, {secondLag.TotalSeconds} s after that");
        Assert.True(secondLag <= MaxInterval + TimeSpan.FromSeconds(5), $"found after {secondLag}");
        await worker.StopAsync(CancellationToken.None);
    }

    private static async Task<TimeSpan> AdvanceUntilCompletedAsync(TrackingTimeProvider clock, DurableTaskClient client, string id)
    {
        var sent = clock.GetUtcNow();
        for (var i = 0; i < 100; i++)
        {
            await clock.AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), Queues);
            if ((await client.GetInstanceAsync(id))?.IsCompleted == true)
            {
                return clock.GetUtcNow() - sent;
            }
        }

        throw new TimeoutException($"{id} was not picked up in 200 s of idle polling.");
    }
}
