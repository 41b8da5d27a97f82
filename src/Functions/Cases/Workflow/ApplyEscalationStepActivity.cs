using Microsoft.Azure.Functions.Worker;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Links;
using GuanGong.Domain.Organisations;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// A ladder timer fired with no decision: remind the current holders, hand the task to the fallback
/// reviewer, or let the next level up take it (the case is marked escalated). Earlier holders keep
/// their links: whoever decides first decides. Does nothing if the task has moved on meanwhile.
/// </summary>
public sealed class ApplyEscalationStepActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.ApplyEscalationStep)]
    public async Task<bool> RunAsync([ActivityTrigger] EscalationStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var read = await services.Cases.GetAsync(input.CaseId, ct) ?? throw new InvalidOperationException($"Case {input.CaseId} does not exist.");
        var @case = read.Value;
        if (@case.Task?.TaskId != input.TaskId)
        {
            return false;
        }

        switch (input.Kind)
        {
            case EscalationStepKind.RemindReviewers:
                await TaskNotifier.RemindAsync(services, @case, EscalationHolder.Reviewers, ct);
                await services.Audit.AppendAsync(@case.CaseId, "system", "发送提醒", "提醒审核人按期办理", null, ct);
                return true;
            case EscalationStepKind.RemindFallback:
                await TaskNotifier.RemindAsync(services, @case, EscalationHolder.FallbackReviewer, ct);
                await services.Audit.AppendAsync(@case.CaseId, "system", "发送提醒", "提醒后备审核人按期办理", null, ct);
                return true;
            case EscalationStepKind.HandToFallback:
                await HandOverAsync(read, EscalationHolder.FallbackReviewer, "逾期转交后备审核人", ct);
                return true;
            case EscalationStepKind.EscalateToNextLevel:
                await HandOverAsync(read, EscalationHolder.NextLevel, "逾期自动上报上一级", ct);
                return true;
            default:
                throw new InvalidOperationException($"Unknown escalation step {input.Kind}.");
        }
    }

    private async Task HandOverAsync(Records.StoredRecord<CaseRecord> read, EscalationHolder rung, string action, CancellationToken ct)
    {
        var @case = read.Value;
        var tree = await services.Directory.GetTreeAsync(ct);
        var task = @case.Task!;
        var recipients = EscalationRouting.Recipients(tree, new AcceptanceChain(@case.UnitCode, @case.Chain), task.Stage, rung);
        var now = services.Time.GetUtcNow();
        var plan = await services.PlanStageAsync(@case, tree, task.Stage, task.OpenedAt, now, ct);
        var changed = false;
        CaseRecord? HandOver(CaseRecord c)
        {
            changed = false;
            if (c.Task?.TaskId != task.TaskId || c.Task.Assignees.Any(a => a.Rung == rung))
            {
                return null;
            }

            changed = true;
            var added = recipients.Reviewers.Select(r => new TaskAssignee(r.Name, r.Email, recipients.CommitteeCode, rung, ApprovalTokens.NewNonce(), now, null));
            var escalate = rung == EscalationHolder.NextLevel;
            return c with
            {
                State = escalate && CaseTransitions.Outcome(c.State, CaseEvent.Escalate).IsAllowed ? CaseTransitions.Apply(c.State, CaseEvent.Escalate) : c.State,
                Task = c.Task with
                {
                    Holder = rung,
                    CommitteeCode = escalate ? recipients.CommitteeCode : c.Task.CommitteeCode,
                    Assignees = [.. c.Task.Assignees, .. added],
                    DueAt = escalate ? null : plan.FallbackDue?.DueAt,
                    Escalated = c.Task.Escalated || escalate,
                },
                UpdatedAt = now,
            };
        }

        // Write over the copy just read; only if the case changed meanwhile read it again.
        if (HandOver(@case) is not { } first || !await services.Cases.TryUpdateAsync(read, first, ct))
        {
            await services.Cases.UpdateAsync(@case.CaseId, HandOver, ct);
        }

        if (changed)
        {
            await services.Audit.AppendAsync(@case.CaseId, "system", action, $"由 {recipients.CommitteeCode} 办理：{string.Join("、", recipients.Reviewers.Select(r => r.Name))}", null, ct);
        }

        await TaskNotifier.NotifyPendingAsync(services, @case.CaseId, escalated: rung == EscalationHolder.NextLevel, ct);
    }
}
