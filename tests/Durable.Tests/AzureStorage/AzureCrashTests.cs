namespace GuanGong.Durable.Tests.AzureStorage;

public sealed class AzureCrashTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<string, string>("Step", (_, text) => Task.FromResult(text))
        .AddOrchestratorFunc<string, string>("Workflow", async (context, input) =>
        {
            var a = await context.CallActivityAsync<string>("Step", input + "1");
            var fan = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => context.CallActivityAsync<string>("Step", "f")));
            return await context.CallActivityAsync<string>("Step", a + string.Concat(fan));
        });

    [Theory]
    [MemberData(nameof(CheckpointSteps.All), MemberType = typeof(CheckpointSteps))]
    public async Task Checkpoint_CrashAtStepOnAzurite_InstancesCompleteWithEachActivityRecordedOnce(CheckpointStep step)
    {
        var hits = new Dictionary<string, int>();
        await using var sut = await AzureEngineHarness.CreateAsync(
            Register,
            options => options.FaultInjector = (at, instanceId) =>
            {
                lock (hits)
                {
                    // Every episode (and activity reply) crashes once at the step, then succeeds on
                    // redelivery in the same process: the history cache lives through the crash.
                    if (at == step && (hits[instanceId] = hits.GetValueOrDefault(instanceId) + 1) % 2 == 1)
                    {
                        throw new IOException($"simulated crash at {at}");
                    }
                }

                return ValueTask.CompletedTask;
            });

        var ids = new[] { "a", "b" };
        foreach (var id in ids)
        {
            await sut.Client.ScheduleNewOrchestrationInstanceAsync("Workflow", id, new StartOrchestrationOptions(id));
        }

        await AssertEachActivityRecordedOnceAsync(sut, ids);
        lock (hits)
        {
            Assert.All(ids, id => Assert.True(hits.GetValueOrDefault(id) >= 2, $"no crash injected for {id}"));
        }
    }

    [Theory]
    [MemberData(nameof(CheckpointSteps.All), MemberType = typeof(CheckpointSteps))]
    public async Task Checkpoint_CrashAtStepThenRestartOnAzurite_InstancesCompleteWithEachActivityRecordedOnce(CheckpointStep step)
    {
        // The first process fails at the step every time and is then abandoned as if killed (its
        // deferred outbox clears and held deletes are never written); a second process on the same
        // task hub, with an empty history cache, finishes from what storage holds.
        var crashes = 0;
        await using var first = await AzureEngineHarness.CreateAsync(
            Register,
            options => options.FaultInjector = (at, _) =>
                at == step && Interlocked.Increment(ref crashes) > 0 ? throw new IOException($"simulated crash at {at}") : ValueTask.CompletedTask,
            options => options.OutboxClearDelay = TimeSpan.FromHours(1));
        await using var second = await AzureEngineHarness.CreateAsync(Register, configureBackend: options => options.TaskHubName = first.BackendOptions.TaskHubName);

        var ids = new[] { "a", "b" };
        foreach (var id in ids)
        {
            await first.Client.ScheduleNewOrchestrationInstanceAsync("Workflow", id, new StartOrchestrationOptions(id));
        }

        await first.DrainAsync();
        Assert.True(Volatile.Read(ref crashes) >= 1, "no crash injected");
        await AssertEachActivityRecordedOnceAsync(second, ids);
    }

    private static async Task AssertEachActivityRecordedOnceAsync(AzureEngineHarness sut, string[] ids)
    {
        foreach (var id in ids)
        {
            var metadata = await sut.RunToCompletionAsync(id, maxRounds: 80);
            Assert.Equal(id + "1fff", metadata.ReadOutputAs<string>());
            var history = await sut.Client.GetOrchestrationHistoryAsync(id);
            Assert.Equal(5, history.OfType<TaskScheduledEvent>().Count());
            Assert.Equal(5, history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Distinct().Count());
            Assert.Equal(5, history.OfType<TaskCompletedEvent>().Count());
            Assert.Single(history.OfType<ExecutionCompletedEvent>());
        }
    }
}
