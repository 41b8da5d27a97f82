using GuanGong.Domain;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Records;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Submissions;
using GuanGong.Reliability.Tests.Infrastructure;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.Reliability.Tests.Hardening;

/// <summary>
/// Issue 17 point 2, "a step that keeps failing for more than an hour shows as stuck and is logged at Error", at a later
/// stage on the running app: the township's decision was applied but the county's task never opened (the engine still
/// retrying). Before the hour (fake clock) nothing is reported; after it the case is stuck and logged at Error.
/// </summary>
public sealed class StuckStepTests
{
    [Fact]
    public async Task DecisionAppliedNextTaskNeverOpened_AfterAnHour_StuckAndLoggedAtError()
    {
        await using var app = await RunningApp.StartAsync(new AppOptions());
        await app.Client.SetUpCountyAsync(RunningApp.AdminKey, villages: 1);
        var caseId = SampleCounty.CaseId("V1");
        (await app.Client.AdminPostAsync(RunningApp.AdminKey, $"/api/campaigns/{SampleCounty.CampaignId}/submissions",
            DomainJson.Serialize(new SubmissionRequest("V1", SampleCounty.Year, SampleCounty.SelfSheet(), SampleCounty.Report())))).EnsureSuccessStatusCode();
        await app.WaitForStatusAsync(caseId, "UnderReview");
        var cases = app.Services.GetRequiredService<CaseStore>();
        var tables = app.Services.GetRequiredService<AppTables>();
        var since = TimeProvider.System.GetUtcNow();

        // Where ApplyDecision leaves a case: the next stage, no task yet; OpenReviewTask would follow within seconds.
        var between = await cases.UpdateAsync(caseId, c => c with { State = c.State with { Stage = 2 }, Task = null, UpdatedAt = since }, CancellationToken.None);
        var early = new CollectingLogger<DecisionReconciler>();
        var late = new CollectingLogger<DecisionReconciler>();
        var earlyCount = await new DecisionReconciler(tables, cases, new FakeTimeProvider(since.AddMinutes(59)), early).ReportStuckAsync(app.Engine, CancellationToken.None);
        var lateCount = await new DecisionReconciler(tables, cases, new FakeTimeProvider(since.AddMinutes(61)), late).ReportStuckAsync(app.Engine, CancellationToken.None);

        Assert.False(CaseHealth.IsStuck(between!, since.AddMinutes(59)));
        Assert.True(CaseHealth.IsStuck(between!, since.AddMinutes(61)));
        Assert.Equal(0, earlyCount);
        Assert.Equal(1, lateCount);
        var logged = Assert.Single(late.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(caseId, StringComparison.Ordinal));
        Assert.Contains("stage 2", logged.Message, StringComparison.Ordinal);
        ResultsTable.Add(
            "Workflow step failing over an hour",
            "a case whose decision was applied but whose next task never opened (running app; reconciler on a fake clock at 59 and 61 minutes); later stages, unapplied decisions and given-up instances: tests/Functions.Tests/Workflow/StuckCaseTests.cs",
            $"59 min: {earlyCount} reported; 61 min: {lateCount} logged at Error, listed as stuck on the dashboard",
            "stuck after an hour, at any stage, logged at Error",
            earlyCount == 0 && lateCount == 1);
    }
}
