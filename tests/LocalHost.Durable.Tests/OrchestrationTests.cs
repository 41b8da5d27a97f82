using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GuanGong.LocalHost.Durable.Tests;

public sealed class OrchestrationTests : EngineTestBase
{
    private readonly RunLog _log = new();

    private TestTaskFactory Tasks() => new TestTaskFactory()
        .Activity("Step", (ctx, input) =>
        {
            _log.Record($"{ctx.InstanceId}/{input}");
            return Task.FromResult<string?>($"{input}!");
        })
        .Orchestrator("Chain", async (ctx, input) =>
        {
            var results = new List<string?>();
            for (var i = 1; i <= 3; i++)
            {
                results.Add(await ctx.CallActivityAsync<string?>("Step", $"{input}-{i}"));
            }

            return string.Join(",", results);
        })
        .Orchestrator("Parent", async (ctx, input) =>
        {
            var child = await ctx.CallSubOrchestratorAsync<string?>("Chain", input, new SubOrchestrationOptions { InstanceId = ctx.InstanceId + "-child" });
            return "parent(" + child + ")";
        })
        .Orchestrator("Race", async (ctx, input) =>
        {
            using var cts = new CancellationTokenSource();
            var decision = ctx.WaitForExternalEvent<string>("Decision", cts.Token);
            var timeout = ctx.CreateTimer(TimeSpan.FromSeconds(double.Parse(input!, System.Globalization.CultureInfo.InvariantCulture)), cts.Token);
            var winner = await Task.WhenAny(decision, timeout);
            cts.Cancel();
            return winner == decision ? "decided:" + decision.Result : "timed out";
        })
        .Orchestrator("Counter", async (ctx, input) =>
        {
            var n = int.Parse(input!, System.Globalization.CultureInfo.InvariantCulture);
            await ctx.CallActivityAsync<string?>("Step", $"count-{n}");
            if (n < 3)
            {
                ctx.ContinueAsNew((n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return null;
            }

            return "done at " + n;
        })
        .Orchestrator("Waiter", async (ctx, input) =>
        {
            ctx.SetCustomStatus(new { stage = "waiting" });
            return await ctx.WaitForExternalEvent<string>("Go");
        })
        .Orchestrator("Thrower", (ctx, input) => throw new InvalidOperationException("the orchestrator refused: " + input))
        .Orchestrator("CallsNothing", async (ctx, input) => await ctx.CallActivityAsync<string?>("NotRegistered", input));

    [Fact]
    public async Task ActivityChain_RunsEachStepOnce_ReturnsResults()
    {
        var engine = Engine();
        await StartAsync(engine, Tasks());
        var client = engine.CreateClient();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Chain", "a");
        var done = await CompleteAsync(client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("a-1!,a-2!,a-3!", done.ReadOutputAs<string>());
        Assert.Equal("a", done.ReadInputAs<string>());
        Assert.All(new[] { "a-1", "a-2", "a-3" }, s => Assert.Equal(1, _log.Count($"{id}/{s}")));
    }

    [Fact]
    public async Task ExtendedSessions_ChainSubOrchestrationAndTimer_CompleteAsWithout()
    {
        // Extended sessions keep orchestrations in memory between episodes (measured 3x the work items per second
        // in the comparison benchmark); the same workflows must behave the same with them on.
        var engine = Engine(o => o.Settings.ExtendedSessionsEnabled = true);
        await StartAsync(engine, Tasks());
        var client = engine.CreateClient();

        var parent = await client.ScheduleNewOrchestrationInstanceAsync("Parent", "e");
        var race = await client.ScheduleNewOrchestrationInstanceAsync("Race", "1");
        var counter = await client.ScheduleNewOrchestrationInstanceAsync("Counter", "2");

        Assert.Equal("parent(e-1!,e-2!,e-3!)", (await CompleteAsync(client, parent)).ReadOutputAs<string>());
        Assert.Equal("timed out", (await CompleteAsync(client, race)).ReadOutputAs<string>());
        Assert.Equal("done at 3", (await CompleteAsync(client, counter)).ReadOutputAs<string>());
        Assert.All(new[] { "e-1", "e-2", "e-3" }, s => Assert.Equal(1, _log.Count($"{parent}-child/{s}")));
    }

    [Fact]
    public async Task SubOrchestration_CompletesParentWithChildResult()
    {
        var engine = Engine();
        await StartAsync(engine, Tasks());
        var client = engine.CreateClient();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Parent", "p");
        var done = await CompleteAsync(client, id);

        Assert.Equal("parent(p-1!,p-2!,p-3!)", done.ReadOutputAs<string>());
        var child = await client.GetInstanceAsync(id + "-child", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
    }

    [Fact]
    public async Task ExternalEventVersusTimer_EventFirst_EventWins_NoEvent_TimerWins()
    {
        var engine = Engine();
        await StartAsync(engine, Tasks());
        var client = engine.CreateClient();

        var decided = await client.ScheduleNewOrchestrationInstanceAsync("Race", "30");
        await client.WaitForInstanceStartAsync(decided);
        await client.RaiseEventAsync(decided, "Decision", "approve");
        var timedOut = await client.ScheduleNewOrchestrationInstanceAsync("Race", "2");

        Assert.Equal("decided:approve", (await CompleteAsync(client, decided)).ReadOutputAs<string>());
        Assert.Equal("timed out", (await CompleteAsync(client, timedOut)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_RestartsWithNewInput_UntilDone()
    {
        var engine = Engine();
        await StartAsync(engine, Tasks());
        var client = engine.CreateClient();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Counter", "1");
        var done = await CompleteAsync(client, id);

        Assert.Equal("done at 3", done.ReadOutputAs<string>());
        Assert.Equal(1, _log.Count($"{id}/count-1"));
        Assert.Equal(1, _log.Count($"{id}/count-3"));
    }

    [Fact]
    public async Task FailingOrchestrator_EndsFailed_WithFailureDetails()
    {
        var engine = Engine();
        await StartAsync(engine, Tasks());
        var client = engine.CreateClient();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Thrower", "x");
        var done = await CompleteAsync(client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("the orchestrator refused: x", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", done.FailureDetails.ErrorType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownActivityOrOrchestrator_FailsTheInstance_InsteadOfRetryingForever()
    {
        var engine = Engine();
        await StartAsync(engine, Tasks());
        var client = engine.CreateClient();

        var activity = await client.ScheduleNewOrchestrationInstanceAsync("CallsNothing", "x");
        var orchestrator = await client.ScheduleNewOrchestrationInstanceAsync("NoSuchOrchestrator", "x");

        var a = await CompleteAsync(client, activity);
        var o = await CompleteAsync(client, orchestrator);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, a.RuntimeStatus);
        Assert.True(a.FailureDetails!.ErrorMessage.Contains("NotRegistered", StringComparison.Ordinal), a.FailureDetails.ErrorType + ": " + a.FailureDetails.ErrorMessage + " inner: " + a.FailureDetails.InnerFailure?.ErrorMessage);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, o.RuntimeStatus);
        Assert.Contains("NoSuchOrchestrator", o.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_SuspendResumeTerminateCustomStatus_Work()
    {
        var engine = Engine();
        await StartAsync(engine, Tasks());
        var client = engine.CreateClient();

        var resumed = await client.ScheduleNewOrchestrationInstanceAsync("Waiter", null, new StartOrchestrationOptions("waiter-resumed"));
        var waiting = await UntilAsync(client, resumed, m => m.SerializedCustomStatus is not null);
        Assert.Contains("waiting", waiting.SerializedCustomStatus, StringComparison.Ordinal);

        await client.SuspendInstanceAsync(resumed, "hold on");
        await UntilAsync(client, resumed, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await client.RaiseEventAsync(resumed, "Go", "went");
        await client.ResumeInstanceAsync(resumed, "carry on");
        Assert.Equal("went", (await CompleteAsync(client, resumed)).ReadOutputAs<string>());

        var terminated = await client.ScheduleNewOrchestrationInstanceAsync("Waiter", null, new StartOrchestrationOptions("waiter-terminated"));
        await client.WaitForInstanceStartAsync(terminated);
        await client.TerminateInstanceAsync(terminated, "stopped by test");
        var done = await CompleteAsync(client, terminated);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("stopped by test", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Client_StartingARunningInstanceId_Throws()
    {
        var engine = Engine();
        await StartAsync(engine, Tasks());
        var client = engine.CreateClient();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Waiter", null, new StartOrchestrationOptions("only-one"));
        await client.WaitForInstanceStartAsync(id);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ScheduleNewOrchestrationInstanceAsync("Waiter", null, new StartOrchestrationOptions("only-one")));
    }

    [Fact]
    public async Task Client_QueryPagesFiltersAndPurges()
    {
        var engine = Engine();
        await StartAsync(engine, Tasks());
        var client = engine.CreateClient();

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("Chain", $"q{i}", new StartOrchestrationOptions($"query-{i}")));
        }

        var waiter = await client.ScheduleNewOrchestrationInstanceAsync("Waiter", null, new StartOrchestrationOptions("other-1"));
        foreach (var id in ids)
        {
            await CompleteAsync(client, id);
        }

        await client.WaitForInstanceStartAsync(waiter);

        var pages = new List<Page<OrchestrationMetadata>>();
        await foreach (var page in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "query-", PageSize = 2 }).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(5, pages.Sum(p => p.Values.Count));
        Assert.True(pages.Count >= 3, $"expected paging with 2 per page, got {pages.Count} page(s)");

        var running = new List<string>();
        await foreach (var m in client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running] }))
        {
            running.Add(m.InstanceId);
        }

        Assert.Equal(["other-1"], running);

        var later = new List<string>();
        await foreach (var m in client.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = TimeProvider.System.GetUtcNow().AddHours(1) }))
        {
            later.Add(m.InstanceId);
        }

        Assert.Empty(later);

        Assert.Equal(1, (await client.PurgeInstanceAsync(ids[0])).PurgedInstanceCount);
        Assert.Null(await client.GetInstanceAsync(ids[0]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.PurgeInstanceAsync(waiter));

        var purged = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(
            CreatedFrom: TimeProvider.System.GetUtcNow().AddHours(-1), Statuses: [OrchestrationRuntimeStatus.Completed]));
        Assert.Equal(4, purged.PurgedInstanceCount);
        Assert.NotNull(await client.GetInstanceAsync(waiter));
    }
}
