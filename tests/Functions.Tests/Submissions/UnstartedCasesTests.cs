using GuanGong.Domain.Cases;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Records;
using GuanGong.Functions.Submissions;
using GuanGong.Functions.Tests.Builders;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.Functions.Tests.Submissions;

/// <summary>
/// The sweep that starts accepted cases whose workflow start was never sent (the accepting process stopped with it
/// queued), on the running app and its engine: a "submitted" row with no instance is started and its workflow opens
/// the township's task; a row still within its grace, one the workflow has moved on, and one started already are not.
/// </summary>
public sealed class UnstartedCasesTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task StartAsync_SubmittedRowWithoutInstance_Started_TaskOpens_InGraceOrMovedOnOrStartedNot()
    {
        var campaignId = SeededApp.NewCampaignId();
        await app.SeedCampaignAsync(CampaignBuilder.Launched(campaignId));
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var processStart = clock.GetUtcNow();
        var starts = new WorkflowStarts(clock, new CollectingLogger<WorkflowStarts>());
        // Accepted an hour before this process began: its start went down with the process before.
        var origin = new RequestOrigin("203.0.113.7", "Mozilla/5.0 (Linux; Android 12) 关工 test");
        var lost = await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit1).InState(CaseStatus.Submitted, 1).SubmittedAt(processStart.AddHours(-1)).UpdatedAt(processStart.AddHours(-1)).SubmittedFrom(origin));
        // Accepted by this process 30 s ago: its own queue is sending it.
        clock.Advance(TimeSpan.FromMinutes(2));
        var recent = await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit2).InState(CaseStatus.Submitted, 1).SubmittedAt(clock.GetUtcNow().AddSeconds(-30)).UpdatedAt(clock.GetUtcNow().AddSeconds(-30)));
        // Moved on by its workflow (task open): nothing owed.
        var movedOn = await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit3).InState(CaseStatus.UnderReview, 1)
            .WithTask(TreeBuilder.Township1, processStart.AddHours(-1), processStart.AddDays(10)).SubmittedAt(processStart.AddHours(-1)).UpdatedAt(processStart.AddHours(-1)));
        var logs = new CollectingLogger<UnstartedCases>();
        var sweep = new UnstartedCases(app.Services.GetRequiredService<AppTables>(), app.Services.GetRequiredService<StorageInitializer>(), starts, clock, logs);

        var started = await sweep.StartAsync(app.App.Engine, CancellationToken.None);

        Assert.Equal(1, started);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(lost.CaseId, StringComparison.Ordinal));
        Assert.NotNull(await app.App.Engine.GetInstanceAsync(CaseWorkflowNames.InstanceId(lost.CaseId)));
        Assert.Null(await app.App.Engine.GetInstanceAsync(CaseWorkflowNames.InstanceId(recent.CaseId)));
        Assert.Null(await app.App.Engine.GetInstanceAsync(CaseWorkflowNames.InstanceId(movedOn.CaseId)));

        // The started workflow does what a sent start does: it accepts the case and opens the township's task.
        var cases = app.Services.GetRequiredService<CaseStore>();
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while ((await cases.GetAsync(lost.CaseId, patience.Token))?.Value is not { Task: not null, State.Status: CaseStatus.UnderReview })
            {
                await Task.Delay(100, patience.Token);
            }
        }

        // Its "提交自评" entry is written as a sent start writes it: by the submitter, with the origin kept on the row.
        var audit = app.Services.GetRequiredService<AuditLog>();
        var submitted = Assert.Single(await audit.ReadAsync(lost.CaseId, CancellationToken.None), e => e.Action == AcceptSubmissionActivity.SubmittedAction);
        Assert.Equal(lost.Submission.SubmittedBy, submitted.Actor);
        Assert.Equal(origin.IpAddress, submitted.IpAddress);
        Assert.Equal(origin.UserAgent, submitted.UserAgent);

        // Past its grace the recent one is started too; the first is not started again (it has an instance).
        clock.Advance(UnstartedCases.Grace);
        Assert.Equal(1, await sweep.StartAsync(app.App.Engine, CancellationToken.None));
        Assert.NotNull(await app.App.Engine.GetInstanceAsync(CaseWorkflowNames.InstanceId(recent.CaseId)));
        Assert.Equal(0, await sweep.StartAsync(app.App.Engine, CancellationToken.None));

        // A row written before origins were kept on it still gets its entry, without an origin.
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while ((await cases.GetAsync(recent.CaseId, patience.Token))?.Value is not { State.Status: CaseStatus.UnderReview })
            {
                await Task.Delay(100, patience.Token);
            }
        }

        var recentEntry = Assert.Single(await audit.ReadAsync(recent.CaseId, CancellationToken.None), e => e.Action == AcceptSubmissionActivity.SubmittedAction);
        Assert.Null(recentEntry.IpAddress);
    }
}
