using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.LocalStack.Mail;
using GuanGong.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>
/// The case workflow's step sequence is chosen by the input an instance started with: instances started before
/// the coarse steps (no <see cref="CaseWorkflowInput.WorkflowVersion"/> in their input) must replay and finish on
/// the sequence they recorded after a build with the coarse steps is deployed.
/// </summary>
public sealed class WorkflowVersionTests
{
    [Fact]
    public async Task InstanceStartedOnTheFineSequence_AfterTheNewBuildIsDeployed_ReplaysCompatibleAndFinishes()
    {
        await using var smtp = new SmtpSink();
        var shared = new Dictionary<string, string?>
        {
            ["GuanGong:Storage:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "h" + Guid.NewGuid().ToString("N")[..10],
        };
        var instanceId = CaseWorkflowNames.InstanceId(SampleCounty.CaseId("V1"));
        MailFile township;
        await using (var before = await AcceptanceChainEndToEndTests.StartAsync(smtp, extra: shared))
        {
            (_, var caseId, township) = await AcceptanceChainEndToEndTests.SubmitVillageCaseAsync(before, smtp);
            Assert.Equal(instanceId, CaseWorkflowNames.InstanceId(caseId));

            // The instance as the earlier build started it: its input written without a workflow version.
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await before.Engine.TerminateInstanceAsync(instanceId, cancellation: patience.Token);
            await before.Engine.WaitForInstanceCompletionAsync(instanceId, patience.Token);
            await before.Engine.ScheduleNewOrchestrationInstanceAsync(
                CaseWorkflowNames.Orchestrator,
                new CaseWorkflowInput(CaseWorkflowInput.CurrentSchemaVersion, caseId, new RequestOrigin("127.0.0.1", "earlier build")),
                new StartOrchestrationOptions(instanceId),
                patience.Token);
            var started = await before.Engine.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs: true, patience.Token);
            Assert.DoesNotContain(nameof(CaseWorkflowInput.WorkflowVersion) + "\":1", started.SerializedInput ?? string.Empty, StringComparison.Ordinal);

            // Waiting on the township again: its task (opened by the first run) kept, the fine sequence's steps in its history.
            while (await before.Engine.GetInstanceAsync(instanceId, getInputsAndOutputs: true, patience.Token) is not { RuntimeStatus: OrchestrationRuntimeStatus.Running, SerializedCustomStatus: not null })
            {
                await Task.Delay(200, patience.Token);
            }

            await Task.Delay(1_000, patience.Token);
        }

        // The new build: the waiting instance replays against it, then its worker finishes the case.
        await using var next = await AcceptanceChainEndToEndTests.StartAsync(smtp, extra: shared);
        var report = await next.Host.CheckDeploymentAsync();
        Assert.Contains(report.Instances, i => i.InstanceId == instanceId);
        Assert.True(report.IsSafe, string.Join("; ", report.Breaking.Select(b => $"{b.InstanceId}: {b.Verdict} {b.Detail}")));

        // The township's link, mailed by the earlier process, on the new one's address.
        var townshipLink = new Uri(next.BaseAddress, new Uri(township.LinkWith("/r/")).PathAndQuery).ToString();
        await AcceptanceChainEndToEndTests.DecideOnPageAsync(next, townshipLink, "Approve", "同意上报。");
        var county = await smtp.WaitForAsync(m => m.To.Contains("county@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        await AcceptanceChainEndToEndTests.DecideOnPageAsync(next, county.LinkWith("/r/"), "Approve", "验收合格。");
        await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn") && m.Subject.Contains("验收结果", StringComparison.Ordinal));
        using var done = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var completed = await next.Engine.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, done.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Contains("\"Passed\":true", completed.SerializedOutput, StringComparison.Ordinal);
        // The township was asked once: the second run kept the task the first had opened.
        Assert.Single(smtp.Messages, m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        Assert.Single(smtp.Messages, m => m.To.Contains("village1@example.cn") && m.Subject.Contains("验收结果", StringComparison.Ordinal));
    }
}
