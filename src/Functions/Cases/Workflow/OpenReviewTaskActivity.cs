using Microsoft.Azure.Functions.Worker;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Links;
using GuanGong.Domain.Organisations;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// Opens one stage's task in one round: works out the escalation plan on the holiday calendar,
/// records the task and a one-time link per reviewer on the case, emails each reviewer their own
/// link, and returns the ladder's steps for the orchestrator's timers. Safe to run again: a task
/// already open is kept, and only reviewers not yet emailed are emailed. Safe to run late, too:
/// activities are delivered at least once, and a copy of this step's message can arrive after the
/// case has moved on (a host killed while the step ran; the message shows again after its
/// visibility timeout). A stage already decided in this round, or a task of a later stage or round,
/// makes the step stale, and a stale step changes nothing.
/// </summary>
public sealed class OpenReviewTaskActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.OpenReviewTask)]
    public Task<OpenedTask> RunAsync([ActivityTrigger] OpenTaskInput input) => OpenAsync(input, null, CancellationToken.None);

    /// <summary>
    /// Opens the task, starting from <paramref name="justWritten"/> when the caller has just written the case (a
    /// coarse step: its new ETag saves reading the row again; if the row changed since, the write reads it again).
    /// </summary>
    internal async Task<OpenedTask> OpenAsync(OpenTaskInput input, Records.StoredRecord<CaseRecord>? justWritten, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var read = justWritten ?? await services.Cases.GetAsync(input.CaseId, ct) ?? throw new InvalidOperationException($"Case {input.CaseId} does not exist.");
        var @case = read.Value;
        var tree = await services.Directory.GetTreeAsync(ct);
        var chain = new AcceptanceChain(@case.UnitCode, @case.Chain);
        var taskId = $"s{input.Stage}r{input.Round}";
        // A retry finds its task open and plans from the instant it opened, so the timers it returns are the same.
        var startedAt = @case.Task?.TaskId == taskId ? @case.Task.OpenedAt : input.StartedAt ?? services.Time.GetUtcNow();
        var plan = await services.PlanStageAsync(@case, tree, input.Stage, startedAt, startedAt, ct);
        var recipients = EscalationRouting.Recipients(tree, chain, input.Stage, EscalationHolder.Reviewers);
        var now = services.Time.GetUtcNow();
        var opened = false;
        CaseRecord? Open(CaseRecord c)
        {
            if (c.Task?.TaskId == taskId || IsStale(c, input))
            {
                return null;
            }

            opened = true;
            var assignees = recipients.Reviewers
                .Select(r => new TaskAssignee(r.Name, r.Email, recipients.CommitteeCode, EscalationHolder.Reviewers, ApprovalTokens.NewNonce(), now, null))
                .ToList();
            var task = new ReviewTask(taskId, input.Stage, input.Round, recipients.CommitteeCode, EscalationHolder.Reviewers, assignees, startedAt, plan.ReviewersDue.DueAt, c.State.Escalated, plan.UnconfirmedYears);
            return c with { Task = task, UpdatedAt = now };
        }

        // Write over the copy just read; only if the case changed meanwhile read it again.
        Records.StoredRecord<CaseRecord>? written = null;
        if (Open(@case) is { } first && (written = await services.Cases.TryWriteAsync(read, first, ct)) is not null)
        {
            @case = first;
        }
        else
        {
            opened = false;
            @case = await services.Cases.UpdateAsync(input.CaseId, Open, ct) ?? @case;
        }

        if (opened)
        {
            await services.Audit.AppendAsync(@case.CaseId, "system", "分派审核任务", $"第{input.Stage}级（{recipients.CommitteeCode}）第{input.Round}轮，期限 {Pages.ChinaDates.Deadline(plan.ReviewersDue.DueAt)}", null, ct);
        }

        if (!IsStale(@case, input))
        {
            // The mails are marked sent over the row this step just wrote (when it wrote it), without reading it again.
            await TaskNotifier.NotifyPendingAsync(services, @case.CaseId, escalated: false, ct, written);
        }

        return new OpenedTask(taskId, plan.Steps);
    }

    /// <summary>True when the case has moved past this stage of this round: the step's message is a late copy.</summary>
    internal static bool IsStale(CaseRecord c, OpenTaskInput input) =>
        c.Round > input.Round
        || c.Outcomes.Any(o => o.Stage == input.Stage && o.Round == input.Round)
        || (c.Task is { } open && open.Round == input.Round && open.Stage > input.Stage);
}
