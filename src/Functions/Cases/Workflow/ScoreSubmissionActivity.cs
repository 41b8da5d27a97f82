using Microsoft.Azure.Functions.Worker;
using GuanGong.Domain.Cases;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// Takes the scored submission into review at its first stage. Instances started since submissions
/// leave their audit entry to the workflow call <see cref="AcceptSubmissionActivity"/> instead; this
/// one stays for instances started before.
/// </summary>
public sealed class ScoreSubmissionActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.ScoreSubmission)]
    public async Task<CaseProgress> RunAsync([ActivityTrigger] string input) =>
        await StartReviewAsync(services, input, await services.Cases.GetAsync(input, CancellationToken.None), CancellationToken.None);

    /// <summary>
    /// Moves a submitted case into review, starting from the copy just read (one write when nothing
    /// changed it since), and records "review started" when this call made the move.
    /// </summary>
    internal static async Task<CaseProgress> StartReviewAsync(WorkflowServices services, string caseId, Records.StoredRecord<CaseRecord>? read, CancellationToken ct)
    {
        var changed = false;
        CaseRecord? Change(CaseRecord c)
        {
            changed = c.State.Status == CaseStatus.Submitted;
            return changed ? c with { State = CaseTransitions.Apply(c.State, CaseEvent.StartReview), UpdatedAt = services.Time.GetUtcNow() } : null;
        }

        var updated = read is null ? null : Change(read.Value);
        if (read is null || (updated is not null && !await services.Cases.TryUpdateAsync(read, updated, ct)))
        {
            updated = await services.Cases.UpdateAsync(caseId, Change, ct);
        }
        else
        {
            updated ??= read.Value;
        }

        if (updated is null)
        {
            throw new InvalidOperationException($"Case {caseId} does not exist.");
        }

        if (changed)
        {
            await services.Audit.AppendAsync(caseId, "system", "开始审核", $"自评得分 {updated.SelfSummary.Total} 分", null, ct);
        }

        return WorkflowServices.Progress(updated);
    }
}
