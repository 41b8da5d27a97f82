using Microsoft.DurableTask;

namespace GuanGong.LocalHost.Durable.Tests;

public sealed class ReplayCheckTests : EngineTestBase
{
    private static TestTaskFactory Build(Func<TaskOrchestrationContext, string?, Task<string?>> flow) => new TestTaskFactory()
        .Activity("A", (ctx, input) => Task.FromResult<string?>("a"))
        .Activity("A2", (ctx, input) => Task.FromResult<string?>("a2"))
        .Activity("B", (ctx, input) => Task.FromResult<string?>("b"))
        .Orchestrator("Flow", flow);

    private static readonly Func<TaskOrchestrationContext, string?, Task<string?>> Original = async (ctx, input) =>
    {
        await ctx.CallActivityAsync<string>("A", input);
        await ctx.WaitForExternalEvent<string>("Go");
        return await ctx.CallActivityAsync<string>("B", input);
    };

    [Fact]
    public async Task CheckReplay_IncompatibleChangeReported_CompatibleChangeNot()
    {
        var engine = Engine();
        await using (var worker = await engine.StartWorkerAsync(Build(Original), Services))
        {
            var client = engine.CreateClient();
            var id = await client.ScheduleNewOrchestrationInstanceAsync("Flow", "x", new StartOrchestrationOptions("in-flight"));
            using var cts = new CancellationTokenSource(Patience);
            while ((await client.GetInstanceAsync(id, cts.Token))?.LastUpdatedAt is not { } t || !await ScheduledAsync(engine, id))
            {
                await Task.Delay(200, cts.Token);
            }
        }

        // Compatible: the same calls in the same order; what happens after the event may change freely.
        var compatible = Build(async (ctx, input) =>
        {
            await ctx.CallActivityAsync<string>("A", input);
            var go = await ctx.WaitForExternalEvent<string>("Go");
            await ctx.CallActivityAsync<string>("B", input);
            return await ctx.CallActivityAsync<string>("B", go);
        });
        var renamed = Build(async (ctx, input) =>
        {
            await ctx.CallActivityAsync<string>("A2", input);
            await ctx.WaitForExternalEvent<string>("Go");
            return await ctx.CallActivityAsync<string>("B", input);
        });
        var reordered = Build(async (ctx, input) =>
        {
            await ctx.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
            await ctx.CallActivityAsync<string>("A", input);
            await ctx.WaitForExternalEvent<string>("Go");
            return await ctx.CallActivityAsync<string>("B", input);
        });

        var ok = await engine.CheckReplayAsync(compatible, Services);
        var bad = await engine.CheckReplayAsync(renamed, Services);
        var moved = await engine.CheckReplayAsync(reordered, Services);
        var missing = await engine.CheckReplayAsync(new TestTaskFactory(), Services);

        Assert.True(ok.IsSafe, string.Join("; ", ok.Breaking.Select(b => b.Detail)));
        Assert.Equal("in-flight", Assert.Single(ok.Instances).InstanceId);
        Assert.Equal(ReplayVerdict.NonDeterministic, Assert.Single(bad.Breaking).Verdict);
        Assert.Contains("A2", Assert.Single(bad.Breaking).Detail, StringComparison.Ordinal);
        Assert.Equal(ReplayVerdict.NonDeterministic, Assert.Single(moved.Breaking).Verdict);
        Assert.Equal(ReplayVerdict.Missing, Assert.Single(missing.Breaking).Verdict);
    }

    // The instance is past its first activity once A's completion is in the history.
    private static async Task<bool> ScheduledAsync(DurableTaskEngine engine, string id)
    {
        var state = (await engine.ClientService.GetOrchestrationStateAsync(id, allExecutions: false))[0];
        var history = await engine.ClientService.GetOrchestrationHistoryAsync(id, state.OrchestrationInstance.ExecutionId);
        return history.Contains("TaskCompleted", StringComparison.Ordinal) || history.Contains("\"EventType\":5", StringComparison.Ordinal);
    }
}
