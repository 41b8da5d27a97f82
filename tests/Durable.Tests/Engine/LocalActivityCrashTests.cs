using System.Collections.Concurrent;

namespace GuanGong.Durable.Tests.Engine;

public sealed class LocalActivityCrashTests
{
    private readonly ConcurrentDictionary<string, int> _runs = new();

    [Theory]
    [MemberData(nameof(CheckpointSteps.All), MemberType = typeof(CheckpointSteps))]
    public async Task Checkpoint_CrashOnceAtStep_EachLocalActivityRecordedOnceAndRunAgainOnlyIfTheCrashCameBeforeTheCheckpoint(CheckpointStep step)
    {
        var crashed = new ConcurrentDictionary<string, bool>();
        await using var sut = CreateSut(options => options.FaultInjector = (at, instanceId) =>
            at == step && crashed.TryAdd(instanceId, true) ? throw new IOException($"crash at {at} for {instanceId}") : ValueTask.CompletedTask);

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await sut.Client.ScheduleNewOrchestrationInstanceAsync("Workflow", $"w{i}"));
        }

        foreach (var id in ids)
        {
            var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromMinutes(5));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
            Assert.Equal($"w{ids.IndexOf(id)}123+fan", metadata.ReadOutputAs<string>());
            var history = await sut.Client.GetOrchestrationHistoryAsync(id);
            Assert.Equal(6, history.OfType<TaskScheduledEvent>().Select(e => e.TaskId).Distinct().Count());
            Assert.Equal(6, history.OfType<TaskScheduledEvent>().Count());
            Assert.Equal(6, history.OfType<TaskCompletedEvent>().Count());
            Assert.Single(history.OfType<ExecutionStartedEvent>());
            Assert.Single(history.OfType<ExecutionCompletedEvent>());
        }

        Assert.Equal(ids.Count, crashed.Count);
        var rerun = _runs.Values.Any(count => count > 1);
        Assert.Equal(step is CheckpointStep.BeforeHistoryWrite or CheckpointStep.BeforeActivityResultSend, rerun);
        Assert.Equal(0, sut.Counting.WorkItemSends);

        // Redelivered copies of consumed messages are recognised as duplicates and dropped.
        sut.Time.Advance(TimeSpan.FromMinutes(10));
        await sut.DrainAsync();
        Assert.Equal(0, sut.Backend.QueuedMessageCount);
    }

    [Fact]
    public async Task LocalActivity_CrashesTheWorkerEveryTime_OrchestrationMessageIsPoisonAndInstanceFailsWithReason()
    {
        var attempts = 0;
        await using var sut = new CountingEngineHarness(
            registry => registry
                .AddActivityFunc<string, string>("Fatal", (_, x) =>
                {
                    Interlocked.Increment(ref attempts);
                    return Task.FromResult(x);
                })
                .AddOrchestratorFunc<string, string>("Doomed", (context, x) => context.CallActivityAsync<string>("Fatal", x)),
            options => options.FaultInjector = (step, _) => step == CheckpointStep.BeforeActivityResultSend
                ? throw new InvalidOperationException("the process dies inside the activity")
                : ValueTask.CompletedTask);

        var id = await sut.StartAsync("Doomed", "x");
        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromMinutes(5));

        // The dequeue count that matters is the start message's: five crashing deliveries, the sixth is poison.
        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Equal("GuanGong.Durable.PoisonMessage", metadata.FailureDetails!.ErrorType);
        Assert.Contains("ExecutionStarted control message", metadata.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("delivered 6 times", metadata.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Local activities run inside", metadata.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(5, attempts);
        Assert.Equal($"control-{PartitionHash.Of(id, 4):D2}-poison", Assert.Single(sut.Backend.PoisonMessages).Key);
        Assert.Equal(0, sut.Counting.WorkItemSends);
    }

    private CountingEngineHarness CreateSut(Action<DurableTaskWorkerOptions> configure) => new(
        registry => registry
            .AddActivityFunc<string, string>("Step", (context, text) =>
            {
                _runs.AddOrUpdate($"{context.InstanceId}#{context.TaskId}", 1, (_, n) => n + 1);
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
}
