using FsCheck;
using FsCheck.Fluent;

namespace GuanGong.Durable.Tests.Engine;

public sealed class ReplayProperties
{
    /// <summary>A workflow shape (fan-out width per stage, and whether a timer follows it) and a seed for crashes.</summary>
    private static Gen<(int[] Widths, bool[] Timers, int Seed)> Workflows() =>
        from stages in Gen.Choose(1, 4)
        from widths in Gen.ArrayOf(Gen.Choose(1, 5), stages)
        from timers in Gen.ArrayOf(Gen.Elements(true, false), stages)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select (widths, timers, seed);

    [Fact]
    public void Engine_RandomWorkflowWithRandomCrashes_CompletesWithEveryCallRecordedOnce()
    {
        Prop.ForAll(Workflows().ToArbitrary(), workflow => Task.Run(() => RunAsync(workflow)).GetAwaiter().GetResult())
            .QuickCheckThrowOnFailure();
    }

    private static async Task<bool> RunAsync((int[] Widths, bool[] Timers, int Seed) workflow)
    {
        var random = new Random(workflow.Seed);
        await using var sut = new EngineHarness(
            registry => registry
                .AddActivityFunc<int, int>("Inc", (_, n) => Task.FromResult(n + 1))
                .AddOrchestratorFunc<int[], int>("Shape", async (context, widths) =>
                {
                    var total = 0;
                    for (var stage = 0; stage < widths.Length; stage++)
                    {
                        var results = await Task.WhenAll(Enumerable.Range(0, widths[stage]).Select(i => context.CallActivityAsync<int>("Inc", i)));
                        total += results.Sum();
                        if (workflow.Timers[stage])
                        {
                            await context.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
                        }
                    }

                    return total;
                }),
            options =>
            {
                // The crashes are the test's doing, not poison: allow many redeliveries.
                options.MaxDequeueCount = 50;
                options.FaultInjector = (_, _) =>
                {
                    lock (random)
                    {
                        // A crash at roughly one step in five, anywhere in any checkpoint or activity reply.
                        if (random.Next(5) == 0)
                        {
                            throw new IOException("simulated crash");
                        }
                    }

                    return ValueTask.CompletedTask;
                };
            });

        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Shape", workflow.Widths);
        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromMinutes(30), maxSteps: 400);
        var history = await sut.Client.GetOrchestrationHistoryAsync(id);
        var calls = workflow.Widths.Sum();
        var expected = workflow.Widths.Sum(w => w * (w + 1) / 2);
        return metadata.ReadOutputAs<int>() == expected
            && history.OfType<TaskScheduledEvent>().Count() == calls
            && history.OfType<TaskCompletedEvent>().Count() == calls
            && history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Distinct().Count() == calls
            && history.OfType<TimerFiredEvent>().Count() == workflow.Timers.Count(t => t);
    }
}
