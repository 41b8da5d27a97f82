using GuanGong.Domain.Deadlines;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// Emails every assignee of the current task who has not been emailed yet, then marks them. A crash
/// between the send and the mark sends that one email again on the retry: at most one duplicate per
/// crash, and never a task nobody was told about.
/// </summary>
internal static class TaskNotifier
{
    // justWritten: the case as the caller has just written it (with its new ETag), instead of reading it again.
    public static async Task NotifyPendingAsync(WorkflowServices services, string caseId, bool escalated, CancellationToken ct, Records.StoredRecord<CaseRecord>? justWritten = null)
    {
        // The first mark is written over this read; later ones (more than one reviewer) read again.
        var read = justWritten ?? await services.Cases.GetAsync(caseId, ct) ?? throw new InvalidOperationException($"Case {caseId} does not exist.");
        var @case = read.Value;
        if (@case.Task is not { } task)
        {
            return;
        }

        var standardName = await services.StandardNameAsync(@case, ct);
        foreach (var assignee in task.Assignees.Where(a => a.NotifiedAt is null))
        {
            var link = services.Links.TaskLink(@case.CaseId, task.Stage, assignee.Email, assignee.Nonce, task.OpenedAt.AddDays(services.Settings.ReviewLinkLifetimeDays));
            await services.Mail.SendAsync(
                CaseMail.ReviewTask(@case, assignee.Name, assignee.Email, link, task.DueAt, task.UnconfirmedCalendarYears, WorkflowServices.StageName(@case, task.Stage), escalated || assignee.Rung == EscalationHolder.NextLevel, standardName),
                ct);
            CaseRecord? Mark(CaseRecord c) => c.Task?.TaskId != task.TaskId
                ? null
                : c with { Task = c.Task with { Assignees = [.. c.Task.Assignees.Select(a => a.Nonce == assignee.Nonce ? a with { NotifiedAt = services.Time.GetUtcNow() } : a)] } };
            if (read is null || Mark(read.Value) is not { } marked || !await services.Cases.TryUpdateAsync(read, marked, ct))
            {
                await services.Cases.UpdateAsync(caseId, Mark, ct);
            }

            read = null;
        }
    }

    public static async Task RemindAsync(WorkflowServices services, CaseRecord @case, EscalationHolder rung, CancellationToken ct)
    {
        if (@case.Task is not { } task)
        {
            return;
        }

        var standardName = await services.StandardNameAsync(@case, ct);
        foreach (var assignee in task.Assignees.Where(a => a.Rung == rung))
        {
            var link = services.Links.TaskLink(@case.CaseId, task.Stage, assignee.Email, assignee.Nonce, task.OpenedAt.AddDays(services.Settings.ReviewLinkLifetimeDays));
            await services.Mail.SendAsync(CaseMail.Reminder(@case, assignee.Name, assignee.Email, link, task.DueAt, task.UnconfirmedCalendarYears, standardName), ct);
        }
    }
}
