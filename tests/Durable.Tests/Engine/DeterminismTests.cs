using Microsoft.Extensions.Logging;

namespace GuanGong.Durable.Tests.Engine;

public sealed class DeterminismTests
{
    private static void Activities(DurableTaskRegistry registry) => registry
        .AddActivityFunc<string, string>("A", (_, x) => Task.FromResult(x + "a"))
        .AddActivityFunc<string, string>("B", (_, x) => Task.FromResult(x + "b"))
        .AddActivityFunc<string, string>("C", (_, x) => Task.FromResult(x + "c"));

    private static Func<TaskOrchestrationContext, string, Task<string>> Flow(string second) => async (context, input) =>
    {
        var a = await context.CallActivityAsync<string>("A", input);
        var gate = await context.WaitForExternalEvent<string>("continue");
        return await context.CallActivityAsync<string>(second, a + gate);
    };

    [Fact]
    public async Task Replay_CodeChangedUnderAnInFlightInstance_FailsNamingBothCalls()
    {
        await using var v1 = new EngineHarness(registry =>
        {
            Activities(registry);
            registry.AddOrchestratorFunc<string, string>("Flow", async (context, input) =>
            {
                var a = await context.CallActivityAsync<string>("A", input);
                var b = await context.CallActivityAsync<string>("B", a);
                return b + await context.WaitForExternalEvent<string>("continue");
            });
        });
        var id = await v1.StartAsync("Flow", "x");

        // "Deploy" a changed orchestrator over the same task hub without keeping the old one.
        var registry = new DurableTaskRegistry();
        Activities(registry);
        registry.AddOrchestratorFunc<string, string>("Flow", async (context, input) =>
        {
            var a = await context.CallActivityAsync<string>("A", input);
            var c = await context.CallActivityAsync<string>("C", a);
            return c + await context.WaitForExternalEvent<string>("continue");
        });
        await using var v2 = new DurableTaskWorker(v1.Backend, registry, v1.Options);
        await v1.Client.RaiseEventAsync(id, "continue", "!");
        await v2.ProcessPendingAsync();

        var metadata = await v1.GetAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, metadata.FailureDetails!.ErrorType);
        Assert.Contains("the code asked for activity 'C' as call #1, but history holds activity 'B'", metadata.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInFlightInstancesAsync_ChangedOrchestrator_ReportsTheInstancesThatWouldFail()
    {
        await using var v1 = new EngineHarness(registry =>
        {
            Activities(registry);
            registry.AddOrchestratorFunc("Flow", "1", Flow("B"));
        });
        var pinned = await v1.StartAsync("Flow", "x");

        // v2 is the new default, v1 is kept: the in-flight instance replays on v1 and finishes there.
        var safe = new DurableTaskRegistry();
        Activities(safe);
        safe.AddOrchestratorFunc("Flow", "1", Flow("B")).AddOrchestratorFunc("Flow", "2", Flow("C"));
        await using var safeWorker = new DurableTaskWorker(v1.Backend, safe, v1.Options);
        var safeReport = await safeWorker.CheckInFlightInstancesAsync();
        Assert.True(safeReport.AllCompatible);
        Assert.Equal(pinned, Assert.Single(safeReport.Instances).InstanceId);

        // A build that edits v1 in place would break it, and the check says so before any traffic.
        var broken = new DurableTaskRegistry();
        Activities(broken);
        broken.AddOrchestratorFunc<string, string>("Flow", "1", async (context, input) =>
        {
            var c = await context.CallActivityAsync<string>("C", input);
            return c + await context.WaitForExternalEvent<string>("continue");
        });
        await using var brokenWorker = new DurableTaskWorker(v1.Backend, broken, v1.Options);
        var report = await brokenWorker.CheckInFlightInstancesAsync();
        var problem = Assert.Single(report.Incompatible);
        Assert.Equal(pinned, problem.InstanceId);
        Assert.Contains("asked for activity 'C' as call #0, but history holds activity 'A'", problem.Problem, StringComparison.Ordinal);

        // The safe build then finishes the pinned instance on v1 and starts new ones on v2.
        await v1.Client.RaiseEventAsync(pinned, "continue", "!");
        await safeWorker.ProcessPendingAsync();
        Assert.Equal("xa!b", (await v1.GetAsync(pinned)).ReadOutputAs<string>());
        var fresh = await v1.Client.ScheduleNewOrchestrationInstanceAsync("Flow", "y");
        await safeWorker.ProcessPendingAsync();
        Assert.Equal("2", (await v1.GetAsync(fresh)).Version);
        Assert.Equal("1", (await v1.GetAsync(pinned)).Version);
    }

    [Fact]
    public async Task CheckInFlightInstancesAsync_VersionNoLongerRegistered_ReportsIt()
    {
        await using var v1 = new EngineHarness(registry =>
        {
            Activities(registry);
            registry.AddOrchestratorFunc("Flow", "1", Flow("B"));
        });
        await v1.StartAsync("Flow", "x");
        var onlyV2 = new DurableTaskRegistry();
        Activities(onlyV2);
        onlyV2.AddOrchestratorFunc("Flow", "2", Flow("B"));
        await using var worker = new DurableTaskWorker(v1.Backend, onlyV2, v1.Options);

        var report = await worker.CheckInFlightInstancesAsync();

        Assert.Contains("version '1' is no longer registered", Assert.Single(report.Incompatible).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orchestrator_AwaitsTaskDelay_FailsWithAClearMessage()
    {
        await using var sut = new EngineHarness(registry => registry
            .AddOrchestratorFunc<object?, int>("Sleepy", async (_, _) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
                return 1;
            }));

        var id = await sut.StartAsync("Sleepy");

        var metadata = await sut.GetAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Contains("awaited a task that is not a durable task", metadata.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orchestrator_AwaitsTaskRunBesideADurableCall_FailsWithAClearMessage()
    {
        await using var sut = new EngineHarness(registry => registry
            .AddActivityFunc<string, string>("A", (_, x) => Task.FromResult(x))
            .AddOrchestratorFunc<object?, string>("Mixed", async (context, _) =>
            {
                var io = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
                    return "from the thread pool";
                });
                await context.CallActivityAsync<string>("A", "durable");
                return await io;
            }));

        var id = await sut.StartAsync("Mixed");

        var metadata = await sut.GetAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Contains("not a durable task", metadata.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Context_ReplaySafeFeatures_AreStableAcrossReplays()
    {
        var logger = new CountingLoggerFactory();
        var guids = new List<Guid>();
        var times = new List<DateTime>();
        await using var sut = new EngineHarness(registry => registry
            .AddActivityFunc<string, string>("A", (_, x) => Task.FromResult(x))
            .AddOrchestratorFunc<object?, string>("Stable", async (context, _) =>
            {
                var log = context.CreateReplaySafeLogger("test");
                var guid = context.NewGuid();
                guids.Add(guid);
                times.Add(context.CurrentUtcDateTime);
                log.LogInformation("started {Guid}", guid);
                await context.CallActivityAsync<string>("A", "1");
                await context.CallActivityAsync<string>("A", "2");
                return guid.ToString();
            }));
        var worker = new DurableTaskWorker(sut.Backend, sut.Registry, sut.Options, loggerFactory: logger);

        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Stable");
        await worker.ProcessPendingAsync();
        sut.Time.Advance(TimeSpan.FromMinutes(1));
        await worker.ProcessPendingAsync();

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await sut.GetAsync(id)).RuntimeStatus);
        Assert.Equal(3, guids.Count);
        Assert.Single(guids.Distinct());
        Assert.Single(times.Distinct());
        Assert.Equal(1, logger.Count("test"));
        await worker.DisposeAsync();
    }
}
