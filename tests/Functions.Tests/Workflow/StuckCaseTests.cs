using GuanGong.Domain.Cases;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Pages;
using GuanGong.Functions.Records;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Tests.Builders;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>
/// Issue 17 point 2: a workflow step that keeps failing for over an hour, at any stage, shows on the dashboard and is
/// logged at Error (on a fake clock): the first step, opening the next task after a decision was applied, applying a
/// stored decision, and an instance the engine gave up.
/// </summary>
public sealed class StuckCaseTests(SeededApp app) : IClassFixture<SeededApp>
{
    private static readonly DateTimeOffset Submitted = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CaseStatus.Submitted, 1, false, 61, true)]
    [InlineData(CaseStatus.Resubmitted, 1, false, 120, true)]
    [InlineData(CaseStatus.Submitted, 1, false, 59, false)]
    [InlineData(CaseStatus.UnderReview, 2, false, 61, true)]
    [InlineData(CaseStatus.UnderReview, 2, false, 59, false)]
    [InlineData(CaseStatus.UnderReview, 1, true, 600, false)]
    [InlineData(CaseStatus.ReturnedForRectification, 1, false, 600, false)]
    [InlineData(CaseStatus.Passed, 2, false, 600, false)]
    public void IsStuck_EngineOwesTheNextStepForOverAnHour_AtAnyStage(CaseStatus status, int stage, bool taskOpen, int minutes, bool stuck)
    {
        var builder = new CaseBuilder(TreeBuilder.Standard(), "wx2026", 2026, TreeBuilder.Unit1).InState(status, stage).UpdatedAt(Submitted);
        var record = (taskOpen ? builder.WithTask(TreeBuilder.Township1, Submitted, Submitted.AddDays(10)) : builder).Build();

        Assert.Equal(stuck, CaseHealth.IsStuck(record, Submitted.AddMinutes(minutes)));
    }

    [Fact]
    public void IsStuck_DecisionNotAppliedForAnHourOrInstanceGivenUp_StuckThoughTheTaskIsOpen()
    {
        var record = new CaseBuilder(TreeBuilder.Standard(), "wx2026", 2026, TreeBuilder.Unit1).InState(CaseStatus.UnderReview, 1)
            .WithTask(TreeBuilder.Township1, Submitted, Submitted.AddDays(10)).UpdatedAt(Submitted).Build();
        var now = Submitted.AddHours(5);

        Assert.False(CaseHealth.IsStuck(record, now, unappliedDecisionAt: null, instanceGivenUp: false));
        Assert.False(CaseHealth.IsStuck(record, now, unappliedDecisionAt: now.AddMinutes(-59), instanceGivenUp: false));
        Assert.True(CaseHealth.IsStuck(record, now, unappliedDecisionAt: now.AddMinutes(-61), instanceGivenUp: false));
        Assert.True(CaseHealth.IsStuck(record, now, unappliedDecisionAt: null, instanceGivenUp: true));
    }

    [Fact]
    public async Task StuckSection_StuckCase_ListedByUnitNameWithoutIds_NoneWhenHealthy()
    {
        var stuck = new CaseBuilder(TreeBuilder.Standard(), "wx2026", 2026, TreeBuilder.Unit1).InState(CaseStatus.Submitted, 1).UpdatedAt(Submitted).Build();
        var healthy = new CaseBuilder(TreeBuilder.Standard(), "wx2026", 2026, TreeBuilder.Unit2).InState(CaseStatus.UnderReview, 1).WithTask(TreeBuilder.Township1, Submitted, Submitted.AddDays(10)).UpdatedAt(Submitted).Build();

        var html = await StuckSectionAsync([stuck, healthy]);

        Assert.Contains("系统处理异常", html, StringComparison.Ordinal);
        Assert.Contains($">{stuck.UnitName}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(healthy.UnitName + "<", html, StringComparison.Ordinal);
        Assert.Contains("已等待 3 小时以上", html, StringComparison.Ordinal);
        Assert.DoesNotContain("系统处理异常", await StuckSectionAsync([healthy]), StringComparison.Ordinal);
    }

    private static Task<string> StuckSectionAsync(IEnumerable<CaseRecord> cases) =>
        RazorPage.Of<GuanGong.Functions.Pages.Components.StuckCases>("统计", new GuanGong.Functions.Pages.Components.StuckCases.Data("wx2026", cases, Submitted.AddHours(3), null)).RenderAsync();

    [Fact]
    public async Task ReportStuckAsync_CaseSubmittedTwoHoursAgoWithoutWorkflow_LoggedAtErrorWithCaseId()
    {
        var campaignId = SeededApp.NewCampaignId();
        var stuck = await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit1).InState(CaseStatus.Submitted, 1).SubmittedAt(Submitted).UpdatedAt(Submitted));
        await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit2).InState(CaseStatus.Submitted, 1).SubmittedAt(Submitted.AddHours(2)).UpdatedAt(Submitted.AddHours(2)));
        var logs = new CollectingLogger<DecisionReconciler>();
        var reconciler = new DecisionReconciler(
            app.Services.GetRequiredService<AppTables>(), app.Services.GetRequiredService<CaseStore>(), new FakeTimeProvider(Submitted.AddHours(2).AddMinutes(5)), logs);

        var count = await reconciler.ReportStuckAsync(app.App.Engine, CancellationToken.None);

        Assert.True(count >= 1);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(stuck.CaseId, StringComparison.Ordinal) && e.Message.Contains("stuck", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(CaseIdOf(campaignId, TreeBuilder.Unit2), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportStuckAsync_LaterStagesAndGivenUpInstance_EachLoggedAtError_HealthyWaitsNot()
    {
        var campaignId = SeededApp.NewCampaignId();
        var clock = new FakeTimeProvider(Submitted);
        var tables = app.Services.GetRequiredService<AppTables>();

        // Decision applied (stage 2 now), the county's task never opened.
        var nextNotOpened = await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit1).InState(CaseStatus.UnderReview, 2).SubmittedAt(Submitted).UpdatedAt(Submitted));
        // The township decided; applying the decision keeps failing, so the task stays open with the decision stored.
        var notApplied = await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit2).InState(CaseStatus.UnderReview, 1)
            .WithTask(TreeBuilder.Township1, Submitted, Submitted.AddDays(10)).SubmittedAt(Submitted).UpdatedAt(Submitted));
        var decision = new ReviewDecisionRecord(ReviewDecisionRecord.CurrentSchemaVersion, "one-time-" + campaignId, notApplied.CaseId, 1, 1, notApplied.Task!.TaskId,
            ReviewAction.Approve, "镇审核员", "town@example.cn", null, null, Submitted.AddMinutes(5), Applied: false);
        await tables.Decisions.UpsertAsync(notApplied.CaseId, decision.OneTimeId, decision, DecisionReconciler.Columns(decision));
        // A reviewer who simply has not decided yet: a wait for a person, not stuck.
        var waiting = await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit3).InState(CaseStatus.UnderReview, 1)
            .WithTask(TreeBuilder.Township1, Submitted, Submitted.AddDays(10)).SubmittedAt(Submitted).UpdatedAt(Submitted));
        // An instance the engine gave up (here terminated; Failed after a day of retries reads the same).
        var givenUp = CaseIdOf(campaignId, "GONE");
        var instanceId = await app.App.Engine.ScheduleNewOrchestrationInstanceAsync(
            GuanGong.Functions.Cases.Workflow.CaseWorkflowNames.Orchestrator,
            new GuanGong.Functions.Cases.Workflow.CaseWorkflowInput(GuanGong.Functions.Cases.Workflow.CaseWorkflowInput.CurrentSchemaVersion, givenUp),
            new Microsoft.DurableTask.StartOrchestrationOptions(GuanGong.Functions.Cases.Workflow.CaseWorkflowNames.InstanceId(givenUp)));
        await app.App.Engine.TerminateInstanceAsync(instanceId, "test: given up");
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await app.App.Engine.WaitForInstanceCompletionAsync(instanceId, wait.Token);
        }

        var early = new CollectingLogger<DecisionReconciler>();
        await new DecisionReconciler(tables, app.Services.GetRequiredService<CaseStore>(), new FakeTimeProvider(Submitted.AddMinutes(50)), early).ReportStuckAsync(app.App.Engine, CancellationToken.None);
        var logs = new CollectingLogger<DecisionReconciler>();
        clock.Advance(TimeSpan.FromHours(2));
        await new DecisionReconciler(tables, app.Services.GetRequiredService<CaseStore>(), clock, logs).ReportStuckAsync(app.App.Engine, CancellationToken.None);

        Assert.DoesNotContain(early.Entries, e => e.Message.Contains(nextNotOpened.CaseId, StringComparison.Ordinal) || e.Message.Contains(notApplied.CaseId, StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(nextNotOpened.CaseId, StringComparison.Ordinal) && e.Message.Contains("owes its next step", StringComparison.Ordinal) && e.Message.Contains("stage 2", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(notApplied.CaseId, StringComparison.Ordinal) && e.Message.Contains("decision is not applied", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(givenUp, StringComparison.Ordinal) && e.Message.Contains("gave its instance up", StringComparison.Ordinal) && e.Message.Contains("Terminated", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(waiting.CaseId, StringComparison.Ordinal));

        // What it found is kept for the dashboard: each case with its sign and since when.
        var report = await DecisionReconciler.LatestReportAsync(tables, CancellationToken.None);
        Assert.NotNull(report);
        Assert.Equal(clock.GetUtcNow(), report.At);
        Assert.Contains(new StuckCase(nextNotOpened.CaseId, StuckReason.EngineOwesStep, nextNotOpened.UpdatedAt), report.Cases);
        Assert.Contains(new StuckCase(notApplied.CaseId, StuckReason.DecisionNotApplied, decision.DecidedAt), report.Cases);
        Assert.Contains(report.Cases, c => c.CaseId == givenUp && c.Reason == StuckReason.InstanceGivenUp);
        Assert.DoesNotContain(report.Cases, c => c.CaseId == waiting.CaseId);

        // The dashboard lists the later-stage case from its row, and from the report the one whose decision was never
        // applied, each by its unit's name with the step that waits; the healthy wait is not listed.
        var html = await RazorPage.Of<GuanGong.Functions.Pages.Components.StuckCases>("统计", new GuanGong.Functions.Pages.Components.StuckCases.Data(campaignId, [nextNotOpened, notApplied, waiting], clock.GetUtcNow(), null, report)).RenderAsync();
        Assert.Contains($">{nextNotOpened.UnitName}</a>：上一级意见已记录，待转交下一级审核", html, StringComparison.Ordinal);
        Assert.Contains($">{notApplied.UnitName}</a>：审核意见已提交，系统未能据此转入下一步", html, StringComparison.Ordinal);
        Assert.DoesNotContain(waiting.UnitName + "<", html, StringComparison.Ordinal);

        // A reported case whose row has moved on since (the step went through after all) is not listed; a given-up one is.
        var movedOn = notApplied with { UpdatedAt = decision.DecidedAt.AddMinutes(1) };
        var gaveUpOnWaiting = StuckCaseReport.Of(clock.GetUtcNow(), [.. report.Cases, new StuckCase(waiting.CaseId, StuckReason.InstanceGivenUp, Submitted.AddMinutes(30))]);
        var later = await RazorPage.Of<GuanGong.Functions.Pages.Components.StuckCases>("统计", new GuanGong.Functions.Pages.Components.StuckCases.Data(campaignId, [movedOn, waiting], clock.GetUtcNow(), null, gaveUpOnWaiting)).RenderAsync();
        Assert.DoesNotContain(notApplied.UnitName + "<", later, StringComparison.Ordinal);
        Assert.Contains($">{waiting.UnitName}</a>：系统多次重试失败后已停止处理此申报", later, StringComparison.Ordinal);

        // On the running app's dashboard, read from the stored report by a county's link.
        await app.SeedCampaignAsync(CampaignBuilder.Launched(campaignId));
        var token = app.Services.GetRequiredService<ReviewLinks>().DashboardToken(TreeBuilder.County, $"reviewer@{TreeBuilder.County.ToLowerInvariant()}.example.cn", TimeProvider.System.GetUtcNow().AddHours(1));
        var page = await app.Client.GetStringAsync(new Uri($"/d/{campaignId}?t={Uri.EscapeDataString(token)}", UriKind.Relative));
        Assert.Contains("系统处理异常", page, StringComparison.Ordinal);
        Assert.Contains($">{notApplied.UnitName}</a>：审核意见已提交，系统未能据此转入下一步", page, StringComparison.Ordinal);
        Assert.Contains($">{nextNotOpened.UnitName}</a>：上一级意见已记录，待转交下一级审核", page, StringComparison.Ordinal);
    }

    [Fact]
    public void StuckCaseReport_Of_OldestFirst_CutAtTheMost_SameCasesComparedByValue()
    {
        var at = Submitted.AddHours(5);
        var found = Enumerable.Range(0, StuckCaseReport.MaxCases + 3).Select(i => new StuckCase($"c{i:D5}", StuckReason.DecisionNotApplied, Submitted.AddMinutes(-i))).ToList();

        var report = StuckCaseReport.Of(at, found);

        Assert.Equal(StuckCaseReport.MaxCases, report.Cases.Count);
        Assert.Equal(3, report.More);
        Assert.Equal($"c{StuckCaseReport.MaxCases + 2:D5}", report.Cases[0].CaseId);
        Assert.True(report.SameCasesAs(StuckCaseReport.Of(at.AddMinutes(5), found.AsEnumerable().Reverse())));
        Assert.False(report.SameCasesAs(StuckCaseReport.Of(at, found.Skip(1))));
        Assert.False(report.SameCasesAs(null));
    }

    private static string CaseIdOf(string campaignId, string unit) => CaseIds.For(campaignId, 2026, unit);
}
