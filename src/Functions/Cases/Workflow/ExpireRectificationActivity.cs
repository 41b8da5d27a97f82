using Microsoft.Azure.Functions.Worker;
using GuanGong.Domain.Cases;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// The unit did not resubmit by the rectification deadline: the case is closed as
/// <see cref="CaseStatus.RectificationExpired"/> — assessed and not passed (未达标), so returning a weak unit instead of
/// failing it cannot raise a township's 达标率 (closing it as withdrawn, as before, dropped it out of "assessed").
/// </summary>
public sealed class ExpireRectificationActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.ExpireRectification)]
    public async Task<CaseProgress> RunAsync([ActivityTrigger] string input)
    {
        var changed = false;
        var updated = await services.Cases.UpdateAsync(input, c =>
        {
            changed = c.State.Status == CaseStatus.ReturnedForRectification;
            return changed ? c with { State = CaseTransitions.Apply(c.State, CaseEvent.ExpireRectification), RectificationDueAt = null, UpdatedAt = services.Time.GetUtcNow() } : null;
        }, CancellationToken.None) ?? throw new InvalidOperationException($"Case {input} does not exist.");
        if (changed)
        {
            await services.Audit.AppendAsync(input, "system", Cases.ExpiredRectificationMigration.ExpiryAction, "整改期限已过，未重新提交，本次申报未达标", null, CancellationToken.None);
        }

        return WorkflowServices.Progress(updated);
    }
}
