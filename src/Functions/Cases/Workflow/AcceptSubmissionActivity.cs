using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// The first step of a case: records the submission in the case's audit chain — who submitted, when
/// and from where (the origin travels in the orchestration's input) — then takes the case into review.
/// Submissions leave the entry to this activity so that the request path writes only the case and the
/// start message. The entry is written once however often this runs (a retry, a second host): it is
/// appended only if the chain does not hold it yet, and before the case moves on, so a crash between
/// the two leaves it written, never lost.
/// </summary>
public sealed class AcceptSubmissionActivity(WorkflowServices services)
{
    /// <summary>The action of the audit entry a first submission makes (a resubmission has its own).</summary>
    public const string SubmittedAction = "提交自评";

    [Function(CaseWorkflowNames.AcceptSubmission)]
    public async Task<CaseProgress> RunAsync([ActivityTrigger] AcceptSubmissionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var read = await services.Cases.GetAsync(input.CaseId, ct) ?? throw new InvalidOperationException($"Case {input.CaseId} does not exist.");
        var submission = read.Value.Submission;
        await services.Audit.AppendOnceAsync(
            input.CaseId,
            e => e.Action == SubmittedAction,
            submission.SubmittedAt,
            submission.SubmittedBy,
            SubmittedAction,
            $"自评得分 {read.Value.SelfSummary.Total} 分",
            input.SubmittedFrom,
            ct);
        return await ScoreSubmissionActivity.StartReviewAsync(services, input.CaseId, read, ct);
    }
}
