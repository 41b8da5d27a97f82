using System.Diagnostics;
using Xunit.Abstractions;

namespace GuanGong.Durable.Tests.AzureStorage;

public sealed class AzureTimerLagTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartAsync_TimerDueWhilePollingIsBackedOffTo30Seconds_ResumesWithinASecondOfTheDueTime()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(
            registry => registry.AddOrchestratorFunc<int, DateTime>("Nap", async (context, seconds) =>
            {
                await context.CreateTimer(TimeSpan.FromSeconds(seconds), CancellationToken.None);
                return context.CurrentUtcDateTime;
            }),
            configureBackend: backend => backend.PartitionCount = 4);

        // Real clocks (Azurite's visibility delays are real) and polling pinned at the 30 s maximum.
        var options = new DurableTaskWorkerOptions
        {
            MinQueuePollingInterval = TimeSpan.FromSeconds(30),
            MaxQueuePollingInterval = TimeSpan.FromSeconds(30),
        };
        await using var worker = new DurableTaskWorker(sut.Backend, sut.Registry, options);
        var client = new DurableTaskClient(sut.Backend);
        await worker.StartAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();

        // The start wakes the dispatcher at once (sent by this process without a delay); the timer's message is delayed 2 s.
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Nap", 2);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        var metadata = await client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
        clock.Stop();

        var dueAt = (await client.GetOrchestrationHistoryAsync(id)).OfType<TimerCreatedEvent>().Single().FireAt;
        var lag = new DateTimeOffset(metadata.ReadOutputAs<DateTime>(), TimeSpan.Zero) - dueAt;
        output.WriteLine($"2 s timer with polling backed off to 30 s: resumed {lag.TotalMilliseconds:F0} ms after its due time ({clock.ElapsedMilliseconds} ms start to finish)");
        Assert.InRange(lag, TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
        await worker.StopAsync(CancellationToken.None);
    }
}
