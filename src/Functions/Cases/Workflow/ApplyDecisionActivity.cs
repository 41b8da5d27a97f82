using Microsoft.Azure.Functions.Worker;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Records;
using GuanGong.Functions.Reviews;
using Azure.Data.Tables;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// Applies a stored reviewer decision through the case's transition table. At the verdict stage an
/// approval becomes "passed" only if the final scores pass the template (else "failed", with the
/// template's reasons); a return sets the rectification deadline and emails the unit. Idempotent: a
/// decision already applied leaves the case as it is.
/// </summary>
public sealed class ApplyDecisionActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.ApplyDecision)]
    public async Task<CaseProgress> RunAsync([ActivityTrigger] ApplyDecisionInput input) =>
        WorkflowServices.Progress((await ApplyAsync(input, CancellationToken.None)).Case);

    /// <summary>
    /// Applies the decision (once) and answers the case as it stands afterwards, with the row as this call last
    /// read or wrote it (its ETag) when it has one, so the step that goes on need not read the case again.
    /// </summary>
    internal async Task<(CaseRecord Case, StoredRecord<CaseRecord>? Row)> ApplyAsync(ApplyDecisionInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await services.Tables.Decisions.GetAsync(input.CaseId, input.OneTimeId, ct)
            ?? throw new InvalidOperationException($"Decision {input.OneTimeId} of case {input.CaseId} is not stored.");
        var decision = stored.Value;
        var read = await services.Cases.GetAsync(input.CaseId, ct) ?? throw new InvalidOperationException($"Case {input.CaseId} does not exist.");
        var @case = read.Value;
        if (@case.Task?.TaskId != input.TaskId)
        {
            return (@case, read);
        }

        var template = await services.TemplateOfAsync(@case, ct);
        var now = services.Time.GetUtcNow();
        var finalSheet = decision.ReviewSheet ?? @case.LatestReviewSheet ?? @case.Submission.SelfSheet;
        var (caseEvent, verdict) = Decide(@case, decision, template, finalSheet);
        var rectification = caseEvent == CaseEvent.Return
            ? DeadlineCalculator.Due(now, services.Settings.RectificationWorkingDays, await services.Calendars.GetAsync(ct))
            : null;
        var rectificationDue = rectification?.DueAt;
        var outcome = new StageOutcome(
            @case.Task.Stage, @case.Task.Round, decision.Action, decision.ReviewerName, decision.ReviewerEmail,
            @case.Task.Assignees.FirstOrDefault(a => a.Nonce == decision.OneTimeId)?.CommitteeCode ?? @case.Task.CommitteeCode,
            decision.Reason, decision.ReviewSheet is null ? null : ScoreCalculator.Summarise(template, decision.ReviewSheet).Total, @case.Task.Escalated, decision.DecidedAt);
        CaseRecord? Apply(CaseRecord c) => c.Task?.TaskId != input.TaskId ? null : c with
        {
            State = CaseTransitions.Apply(c.State, caseEvent),
            Task = null,
            Outcomes = [.. c.Outcomes, outcome],
            LatestReviewSheet = decision.ReviewSheet ?? c.LatestReviewSheet,
            Verdict = verdict ?? c.Verdict,
            RectificationDueAt = rectificationDue,
            UpdatedAt = now,
        };

        // Write over the copy just read; only if the case changed meanwhile read it again.
        StoredRecord<CaseRecord>? written = null;
        var updated = Apply(@case) is { } first && (written = await services.Cases.TryWriteAsync(read, first, ct)) is not null
            ? first
            : await services.Cases.UpdateAsync(input.CaseId, Apply, ct) ?? @case;

        // Both rows of the decision (link and task) in one transaction: they share the case's partition.
        var applied = decision with { Applied = true };
        await services.Tables.Decisions.SubmitTransactionAsync(
            [.. new[] { stored.RowKey, "task-" + input.TaskId }.Select(row => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace, RecordTable<ReviewDecisionRecord>.Write(stored.PartitionKey, row, applied, DecisionReconciler.Columns(applied))))],
            ct);
        await services.Audit.AppendAsync(@case.CaseId, $"{decision.ReviewerName} <{decision.ReviewerEmail}>", ActionName(caseEvent), decision.Reason, null, ct);
        if (caseEvent == CaseEvent.Return)
        {
            var tree = await services.Directory.GetTreeAsync(ct);
            var (contact, link) = services.UnitContact(tree, updated);
            if (contact is not null)
            {
                await services.Mail.SendAsync(CaseMail.Returned(updated, contact.Name, contact.Email, link, decision.Reason, rectification!.DueAt, rectification.UsesUnconfirmedCalendarYears, await services.StandardNameAsync(updated, ct)), ct);
            }
        }

        return (updated, written);
    }

    private static (CaseEvent Event, Verdict? Verdict) Decide(CaseRecord @case, ReviewDecisionRecord decision, Domain.Standards.StandardTemplate template, ScoreSheet finalSheet)
    {
        switch (decision.Action)
        {
            case ReviewAction.Return:
                return (CaseEvent.Return, null);
            case ReviewAction.Reject:
                var rejected = VerdictCalculator.Decide(template, finalSheet);
                return (CaseEvent.Reject, rejected with { Outcome = VerdictOutcome.Failed });
            case ReviewAction.Approve when @case.State.AtVerdictStage:
                var verdict = VerdictCalculator.Decide(template, finalSheet);
                return (verdict.Passed ? CaseEvent.Approve : CaseEvent.Reject, verdict);
            case ReviewAction.Approve:
                return (CaseEvent.Approve, null);
            default:
                throw new InvalidOperationException($"Unknown action {decision.Action}.");
        }
    }

    private static string ActionName(CaseEvent caseEvent) => caseEvent switch
    {
        CaseEvent.Approve => "审核通过",
        CaseEvent.Return => "退回整改",
        CaseEvent.Reject => "不予通过",
        _ => caseEvent.ToString(),
    };
}
