using System.Collections.Concurrent;

namespace GuanGong.Durable.Tests.Engine;

public sealed class CrashTests
{
    private readonly ConcurrentDictionary<string, int> _executions = new();

    [Theory]
    [MemberData(nameof(CheckpointSteps.All), MemberType = typeof(CheckpointSteps))]
    public async Task Checkpoint_WorkerCrashesOnceAtEveryEpisode_EveryInstanceCompletesWithEachActivityRecordedOnce(CheckpointStep step)
    {
        var hits = new ConcurrentDictionary<string, int>();
        await using var sut = CreateSut(options => options.FaultInjector = (at, instanceId) =>
        {
            // Crash on the first pass through the step of every episode (odd hits), succeed on the redelivery.
            if (at == step && hits.AddOrUpdate(instanceId, 1, (_, n) => n + 1) % 2 == 1)
            {
                throw new SimulatedCrashException($"crash at {at} for {instanceId}");
            }

            return ValueTask.CompletedTask;
        });

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await sut.Client.ScheduleNewOrchestrationInstanceAsync("Workflow", $"w{i}"));
        }

        foreach (var id in ids)
        {
            // Redelivery needs the visibility timeout to pass: the fake clock moves in 5-minute steps.
            var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromMinutes(5), maxSteps: 100);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
            Assert.Equal(InputOf(id, ids) + "123+fan", metadata.ReadOutputAs<string>());
            var history = await sut.Client.GetOrchestrationHistoryAsync(id);
            var scheduled = history.OfType<TaskScheduledEvent>().ToList();
            Assert.Equal(6, scheduled.Count);
            Assert.Equal(6, scheduled.Select(e => e.TaskId).Distinct().Count());
            Assert.Equal(6, history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Distinct().Count());
            Assert.Equal(6, history.OfType<TaskCompletedEvent>().Count());
            Assert.Single(history.OfType<ExecutionStartedEvent>());
            Assert.Single(history.OfType<ExecutionCompletedEvent>());
        }

        Assert.True(hits.Values.Sum() >= 2 * ids.Count, "The fault was injected in every instance.");

        // Messages hidden by crashed episodes come back, are recognised as duplicates and dropped.
        sut.Time.Advance(TimeSpan.FromMinutes(10));
        await sut.DrainAsync();
        Assert.Equal(0, sut.Backend.QueuedMessageCount);
        foreach (var id in ids)
        {
            Assert.Equal(6, (await sut.Client.GetOrchestrationHistoryAsync(id)).OfType<TaskCompletedEvent>().Count());
        }
    }

    private static string InputOf(string id, List<string> ids) => $"w{ids.IndexOf(id)}";

    private EngineHarness CreateSut(Action<DurableTaskWorkerOptions> configure) => new(
        registry => registry
            .AddActivityFunc<string, string>("Step", (context, text) =>
            {
                _executions.AddOrUpdate($"{context.InstanceId}#{context.TaskId}", 1, (_, n) => n + 1);
                return Task.FromResult(text);
            })
            .AddOrchestratorFunc<string, string>("Workflow", async (context, input) =>
            {
                var text = input;
                foreach (var part in new[] { "1", "2", "3" })
                {
                    text = await context.CallActivityAsync<string>("Step", text + part);
                }

                var fan = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => context.CallActivityAsync<string>("Step", "fan")));
                return text + "+" + fan.Distinct().Single();
            }),
        configure);

    private sealed class SimulatedCrashException(string message) : Exception(message);
}
