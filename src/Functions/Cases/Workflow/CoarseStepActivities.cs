using Microsoft.Azure.Functions.Worker;
using GuanGong.Domain.Cases;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// The first coarse step (<see cref="CaseWorkflowInput.CoarseSteps"/>): <see cref="AcceptSubmissionActivity"/>,
/// then, when that leaves the case under review, <see cref="OpenReviewTaskActivity"/> for its stage and round —
/// one work item where the fine sequence had two. Each part is the activity it was, so a retry or a late
/// copy does what a retry or late copy of those did: the audit entry is written once, a task already open is
/// kept, a stale stage changes nothing.
/// </summary>
public sealed class AcceptAndOpenReviewActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.AcceptAndOpenReview)]
    public async Task<CaseStep> RunAsync([ActivityTrigger] AcceptSubmissionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var progress = await new AcceptSubmissionActivity(services).RunAsync(input);
        var task = progress.Status == CaseStatus.UnderReview
            ? await new OpenReviewTaskActivity(services).RunAsync(new OpenTaskInput(input.CaseId, progress.Stage, progress.Round))
            : null;
        return new CaseStep(progress, task, Concluded: false);
    }
}

/// <summary>
/// A decision's coarse step: <see cref="ApplyDecisionActivity"/>, then what the case needs next — the next
/// stage's task (<see cref="OpenReviewTaskActivity"/>) when it goes on, the unit's verdict mail and its
/// township's rating (<see cref="NotifyUnitOfVerdictActivity"/>, <see cref="UpdateTownshipRatingActivity"/>)
/// when it ended. What follows the decision is done only while this task's decision is the case's latest
/// outcome: a retry after a crash part-way finishes the step, a late copy (the case moved on since) changes
/// nothing. A copy that runs again after the step ended the case sends the verdict mail again, as a second
/// run of <see cref="NotifyUnitOfVerdictActivity"/> did.
/// </summary>
public sealed class ApplyDecisionAndContinueActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.ApplyDecisionAndContinue)]
    public async Task<CaseStep> RunAsync([ActivityTrigger] ApplyDecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var (updated, row) = await new ApplyDecisionActivity(services).ApplyAsync(input, ct);
        var progress = WorkflowServices.Progress(updated);
        var latest = updated.Outcomes.Count > 0 ? updated.Outcomes[^1] : null;
        if (latest is null || $"s{latest.Stage}r{latest.Round}" != input.TaskId)
        {
            // Not this decision's case any more (or the decision never applied: the task was gone): steer as the fine sequence did.
            return new CaseStep(progress, null, Concluded: false);
        }

        if (progress.IsDecided)
        {
            await ConcludeCaseActivity.ConcludeAsync(services, updated, ct);
            return new CaseStep(progress, null, Concluded: true);
        }

        var task = progress.Status == CaseStatus.UnderReview
            ? await new OpenReviewTaskActivity(services).OpenAsync(new OpenTaskInput(input.CaseId, progress.Stage, progress.Round), row, ct)
            : null;
        return new CaseStep(progress, task, Concluded: false);
    }
}

/// <summary>
/// The end of a case that no decision ended in its own step (a lapsed rectification, a case withdrawn
/// meanwhile): <see cref="NotifyUnitOfVerdictActivity"/> and <see cref="UpdateTownshipRatingActivity"/> as one work item.
/// </summary>
public sealed class ConcludeCaseActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.ConcludeCase)]
    public async Task<bool> RunAsync([ActivityTrigger] string input)
    {
        var ct = CancellationToken.None;
        return await ConcludeAsync(services, await services.GetCaseAsync(input, ct), ct);
    }

    /// <summary>Mails the unit its verdict and re-rates its township, from the case as just read or written.</summary>
    internal static async Task<bool> ConcludeAsync(WorkflowServices services, CaseRecord @case, CancellationToken ct)
    {
        var notified = await new NotifyUnitOfVerdictActivity(services).NotifyAsync(@case, ct);
        await new UpdateTownshipRatingActivity(services).RateAsync(@case, @case.Year, ct);
        return notified;
    }
}
