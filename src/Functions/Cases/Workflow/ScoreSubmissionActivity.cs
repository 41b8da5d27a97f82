using GuanGong.Domain.Cases;
using GuanGong.Durable;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>Takes the scored submission into review at its first stage.</summary>
[DurableTask(CaseWorkflowNames.ScoreSubmission)]
public sealed class ScoreSubmissionActivity(WorkflowServices services) : TaskActivity<string, CaseProgress>
{
    public override async Task<CaseProgress> RunAsync(TaskActivityContext context, string input)
    {
        var changed = false;
        var updated = await services.Cases.UpdateAsync(input, c =>
        {
            changed = c.State.Status == CaseStatus.Submitted;
            return changed ? c with { State = CaseTransitions.Apply(c.State, CaseEvent.StartReview), UpdatedAt = services.Time.GetUtcNow() } : null;
        }, CancellationToken.None) ?? throw new InvalidOperationException($"Case {input} does not exist.");
        if (changed)
        {
            await services.Audit.AppendAsync(input, "system", "开始审核", $"自评得分 {updated.SelfSummary.Total} 分", null, CancellationToken.None);
        }

        return WorkflowServices.Progress(updated);
    }
}
