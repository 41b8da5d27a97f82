using GuanGong.Functions.Cases.Workflow;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>
/// Activities are delivered at least once: a host killed while a step ran leaves its message to show
/// again after the visibility timeout, by which time the case may have moved on. Found by the crash
/// suite: a late copy of stage 1's "open the task" reopened stage 1 over the county's open task.
/// </summary>
public sealed class LateStepTests
{
    [Fact]
    public async Task OpenReviewTask_ALateCopyOfADecidedStage_ChangesNothing()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        var (_, caseId, township) = await AcceptanceChainEndToEndTests.SubmitVillageCaseAsync(app, smtp);
        await AcceptanceChainEndToEndTests.DecideOnPageAsync(app, township.LinkWith("/r/"), "Approve", "同意上报。");
        await smtp.WaitForAsync(m => m.To.Contains("county@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        var before = await app.WaitForCaseAsync(caseId, c => c.GetProperty("heldBy").ValueKind != System.Text.Json.JsonValueKind.Null && c.GetProperty("stage").GetInt32() == 2);
        var mailsBefore = smtp.Messages.Count;

        // The late copy: stage 1, round 1, run again by the activity the engine would run.
        var step = ActivatorUtilities.CreateInstance<OpenReviewTaskActivity>(app.Services);
        await step.RunAsync(new OpenTaskInput(caseId, Stage: 1, Round: 1));

        var after = await app.CaseAsync(caseId);
        Assert.Equal(before.GetProperty("heldBy").GetProperty("committeeCode").GetString(), after.GetProperty("heldBy").GetProperty("committeeCode").GetString());
        Assert.Equal("X1", after.GetProperty("heldBy").GetProperty("committeeCode").GetString());
        Assert.Equal(before.GetProperty("history").GetArrayLength(), after.GetProperty("history").GetArrayLength());
        await Task.Delay(500);
        Assert.Equal(mailsBefore, smtp.Messages.Count);
    }

    [Fact]
    public async Task CoarseSteps_LateCopiesOfAcceptingAndOfADecidedStage_ChangeNothing()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        var (_, caseId, township) = await AcceptanceChainEndToEndTests.SubmitVillageCaseAsync(app, smtp);
        var first = (await app.Services.GetRequiredService<GuanGong.Functions.Cases.CaseStore>().GetAsync(caseId, CancellationToken.None))!.Value.Task!;
        await AcceptanceChainEndToEndTests.DecideOnPageAsync(app, township.LinkWith("/r/"), "Approve", "同意上报。");
        await smtp.WaitForAsync(m => m.To.Contains("county@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        var before = await app.WaitForCaseAsync(caseId, c => c.GetProperty("heldBy").ValueKind != System.Text.Json.JsonValueKind.Null && c.GetProperty("stage").GetInt32() == 2);
        var mailsBefore = smtp.Messages.Count;

        // Late copies of the two steps that came before: accepting (and opening stage 1), the township's approval (and opening stage 2).
        // Each finds the county's task open and keeps it: it answers that task, and writes and mails nothing.
        var accepted = await ActivatorUtilities.CreateInstance<AcceptAndOpenReviewActivity>(app.Services)
            .RunAsync(new AcceptSubmissionInput(caseId, new GuanGong.Functions.Audit.RequestOrigin("127.0.0.1", "late copy")));
        var decided = await ActivatorUtilities.CreateInstance<ApplyDecisionAndContinueActivity>(app.Services)
            .RunAsync(new ApplyDecisionInput(caseId, first.TaskId, first.Assignees[0].Nonce));

        Assert.Equal("s2r1", accepted.Task?.TaskId);
        Assert.Equal("s2r1", decided.Task?.TaskId);
        Assert.False(decided.Concluded);
        var after = await app.CaseAsync(caseId);
        Assert.Equal("X1", after.GetProperty("heldBy").GetProperty("committeeCode").GetString());
        Assert.Equal(before.GetProperty("history").GetArrayLength(), after.GetProperty("history").GetArrayLength());
        Assert.Equal(before.GetProperty("decisions").GetArrayLength(), after.GetProperty("decisions").GetArrayLength());
        await Task.Delay(500);
        Assert.Equal(mailsBefore, smtp.Messages.Count);
    }
}
