using System.Diagnostics;
using Xunit.Abstractions;

namespace GuanGong.Durable.Tests.AzureStorage;

public sealed class AzureThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AzureBackend_ActivityRoundTrips_ReportsRequestsAndWorkItemsPerSecond()
    {
        using var spans = new SpanCounter();
        await using var sut = await AzureEngineHarness.CreateAsync(registry => registry
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
            .AddOrchestratorFunc<int, int>("FanOut", async (context, count) =>
                (await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>("Inc", i)))).Sum()));

        // Round-trip cost: a chain of 20 sequential activities, one instance, drained step by step.
        var chain = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 20);
        await sut.DrainAsync();
        Assert.Equal(20, (await sut.GetAsync(chain)).ReadOutputAs<int>());
        var perWorkItem = spans.RequestsPerWorkItem([chain]);

        // Throughput: 10 instances fanning out 20 activities each.
        sut.Requests.Reset();
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await sut.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 20));
        }

        var clock = Stopwatch.StartNew();
        await sut.DrainAsync();
        clock.Stop();
        foreach (var id in ids)
        {
            Assert.Equal(210, (await sut.GetAsync(id)).ReadOutputAs<int>());
        }

        var mine = ids.ToHashSet();
        var workItems = spans.Episodes(mine) + spans.Activities(mine);
        output.WriteLine($"azurite chain: {perWorkItem.Orchestration:F1} storage requests per episode + {perWorkItem.Activity:F1} per activity = {perWorkItem.Orchestration + perWorkItem.Activity:F1} per activity round trip (excluding queue polls)");
        output.WriteLine($"azurite fan-out: {workItems} work items in {clock.Elapsed.TotalMilliseconds:F0} ms = {workItems / clock.Elapsed.TotalSeconds:F0} work items/s; all requests incl. polls: {sut.Requests.Snapshot()}");
        Assert.InRange(perWorkItem.Activity, 2, 3);
    }
}
