using System.Diagnostics;
using Xunit.Abstractions;

namespace GuanGong.Durable.Tests.Engine;

public sealed class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task InMemoryBackend_ChainsAndFanOuts_ReportsWorkItemsPerSecond()
    {
        using var spans = new SpanCounter();
        await using var sut = new EngineHarness(registry => registry
            .AddActivityFunc<int, int>("Inc", (_, n) => Task.FromResult(n + 1))
            .AddOrchestratorFunc<int, int>("Mixed", async (context, n) =>
            {
                for (var i = 0; i < 5; i++)
                {
                    n = await context.CallActivityAsync<int>("Inc", n);
                }

                var fan = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => context.CallActivityAsync<int>("Inc", i)));
                return n + fan.Sum();
            }));
        var ids = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            ids.Add(await sut.Client.ScheduleNewOrchestrationInstanceAsync("Mixed", 0));
        }

        var clock = Stopwatch.StartNew();
        await sut.DrainAsync();
        clock.Stop();

        foreach (var id in ids)
        {
            Assert.Equal(5 + 210, (await sut.GetAsync(id)).ReadOutputAs<int>());
        }

        var mine = ids.ToHashSet();
        var episodes = spans.Episodes(mine);
        var activities = spans.Activities(mine);
        var workItems = episodes + activities;
        Assert.Equal(100 * 25, activities);
        output.WriteLine($"in-memory: {episodes} episodes + {activities} activities = {workItems} work items in {clock.Elapsed.TotalMilliseconds:F0} ms = {workItems / clock.Elapsed.TotalSeconds:F0} work items/s");
    }
}
