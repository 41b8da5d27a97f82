using Microsoft.Azure.Functions.Worker;
using GuanGong.Domain.Cases;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>The unit did not resubmit by the rectification deadline: the case is closed as withdrawn.</summary>
public sealed class ExpireRectificationActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.ExpireRectification)]
    public async Task<CaseProgress> RunAsync([ActivityTrigger] string input)
    {
        var changed = false;
        var updated = await services.Cases.UpdateAsync(input, c =>
        {
            changed = c.State.Status == CaseStatus.ReturnedForRectification;
            return changed ? c with { State = CaseTransitions.Apply(c.State, CaseEvent.Withdraw), RectificationDueAt = null, UpdatedAt = services.Time.GetUtcNow() } : null;
        }, CancellationToken.None) ?? throw new InvalidOperationException($"Case {input} does not exist.");
        if (changed)
        {
            await services.Audit.AppendAsync(input, "system", "逾期未整改", "整改期限已过，未重新提交，视为放弃本次申报", null, CancellationToken.None);
        }

        return WorkflowServices.Progress(updated);
    }
}
