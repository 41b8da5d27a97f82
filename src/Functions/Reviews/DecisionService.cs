using Azure;
using GuanGong.Domain;
using GuanGong.Domain.Links;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Records;
using GuanGong.Functions.Standards;
using Azure.Data.Tables;

namespace GuanGong.Functions.Reviews;

/// <summary>
/// Verifies reviewer task links and takes decisions. A decision is written as two rows in one
/// entity-group transaction — one keyed by the task (so only the first decision on a task can
/// exist) and one keyed by the link's one-time id (so a second POST of the same link finds it) —
/// then raised to the orchestration. If raising fails (an outage), the stored decision is raised
/// again by the next attempt, so nothing is applied twice and nothing is lost.
/// </summary>
/// <remarks>
/// The transaction is tried before anything is read: its conflict is the "already decided" check,
/// so a decision costs the case read (to verify the link against the open task), the transaction,
/// the audit entry and one event through the function's Durable client (<see cref="CaseWorkflowClient"/>).
/// </remarks>
public sealed class DecisionService(
    LinkKeyRing keys, CaseStore cases, AppTables tables, TemplateResolver templates, AuditLog audit, TimeProvider time)
{
    public const int MaxReasonLength = 2000;

    /// <summary>Verifies a task link (signature, expiry, stage ≥ 1) and finds its case and assignee.</summary>
    public async Task<(TaskLinkContext? Context, TokenRefusal? Refusal, bool CaseMissing)> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var verified = ApprovalTokens.Verify(token, keys, time.GetUtcNow(), new TokenExpectation());
        if (!verified.IsValid)
        {
            return (null, verified.Refusal, false);
        }

        var claims = verified.Claims!;
        if (claims.Stage < 1)
        {
            return (null, TokenRefusal.WrongStage, false);
        }

        var @case = (await cases.GetAsync(claims.CaseId, cancellationToken))?.Value;
        if (@case is null)
        {
            return (null, null, true);
        }

        var assignee = @case.Task is { } task && task.Stage == claims.Stage
            ? task.Assignees.FirstOrDefault(a => a.Nonce == claims.Nonce && string.Equals(a.Email, claims.ReviewerEmail, StringComparison.OrdinalIgnoreCase))
            : null;
        return (new TaskLinkContext(token, claims, @case, assignee), null, false);
    }

    /// <summary>
    /// The decision taken with this link, or on this link's task by anyone, if any: one read. Both rows
    /// of a decision are written together, so for a link of the open task the task's row answers both
    /// questions; for any other link only its own row can exist.
    /// </summary>
    public async Task<ReviewDecisionRecord?> FindDecisionAsync(TaskLinkContext link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var row = link.Assignee is not null && link.Case.Task is { } task ? TaskRow(task.TaskId) : link.Claims.Nonce;
        return (await tables.Decisions.GetAsync(link.Case.CaseId, row, cancellationToken))?.Value;
    }

    public async Task<DecisionOutcome> DecideAsync(CaseWorkflowClient workflow, TaskLinkContext link, ReviewAction action, string? reason, ScoreSheet? reviewSheet, RequestOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Assignee is null || link.Case.Task is not { } task)
        {
            if (await FindDecisionAsync(link, cancellationToken) is { } earlier)
            {
                await EnsureRaisedAsync(workflow, earlier, cancellationToken);
                return new DecisionOutcome.AlreadyDecided(earlier);
            }

            return new DecisionOutcome.TaskClosed(link.Case.State.IsDecided ? "该申报已办结。" : "此链接对应的审核任务已结束或已转交他人办理。");
        }

        var errors = await ValidateAsync(link.Case, action, reason, reviewSheet, cancellationToken);
        if (errors.Count > 0)
        {
            // A decided task answers "already decided" whatever was posted; only then is it looked up.
            return await FindDecisionAsync(link, cancellationToken) is { } decided
                ? new DecisionOutcome.AlreadyDecided(decided)
                : new DecisionOutcome.Invalid(errors);
        }

        var decision = new ReviewDecisionRecord(
            ReviewDecisionRecord.CurrentSchemaVersion, link.Claims.Nonce, link.Case.CaseId, task.Stage, task.Round, task.TaskId, action,
            link.Assignee.Name, link.Assignee.Email, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), reviewSheet, time.GetUtcNow(), Applied: false);
        try
        {
            await tables.Decisions.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, RecordTable<ReviewDecisionRecord>.Write(decision.CaseId, TaskRow(task.TaskId), decision, DecisionReconciler.Columns(decision))),
                    new TableTransactionAction(TableTransactionActionType.Add, RecordTable<ReviewDecisionRecord>.Write(decision.CaseId, decision.OneTimeId, decision, DecisionReconciler.Columns(decision))),
                ],
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Decided before: by this link (a second POST) or by another holder of the task. Raise it
            // again in case the first attempt stored it but failed to raise it.
            var winner = await FindDecisionAsync(link, cancellationToken) ?? throw new InvalidOperationException("A conflicting decision vanished.", ex);
            await EnsureRaisedAsync(workflow, winner, cancellationToken);
            return new DecisionOutcome.AlreadyDecided(winner);
        }

        await audit.AppendAsync(decision.CaseId, $"{decision.ReviewerName} <{decision.ReviewerEmail}>", "提交审核决定", $"{action}：{decision.Reason}", origin, cancellationToken);
        await EnsureRaisedAsync(workflow, decision, cancellationToken);
        return new DecisionOutcome.Recorded(decision);
    }

    private static async Task EnsureRaisedAsync(CaseWorkflowClient workflow, ReviewDecisionRecord decision, CancellationToken cancellationToken)
    {
        if (!decision.Applied)
        {
            // Raising twice is harmless: the orchestrator ignores a decision for a task it has left,
            // and applying a stored decision is idempotent.
            await workflow.RaiseAsync(decision.CaseId, CaseWorkflowNames.DecisionEvent, new ReviewDecisionEvent(decision.TaskId, decision.OneTimeId, decision.Action), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<ValidationError>> ValidateAsync(CaseRecord @case, ReviewAction action, string? reason, ScoreSheet? reviewSheet, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (!Enum.IsDefined(action))
        {
            errors.Add(new("action", "decision.action_unknown", "请选择办理结果。", "Choose an action."));
        }

        if (action is ReviewAction.Return or ReviewAction.Reject && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("reason", "decision.reason_required", action == ReviewAction.Return ? "退回整改必须填写理由。" : "不予通过必须填写理由。", "A reason is required to return or reject."));
        }

        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add(new("reason", "decision.reason_too_long", $"理由不能超过 {MaxReasonLength} 个字。", $"The reason is longer than {MaxReasonLength} characters."));
        }

        if (reviewSheet is not null)
        {
            var template = await templates.FindAsync(@case.Submission.SelfSheet.Template, cancellationToken);
            if (reviewSheet.Role != ScoreSheetRole.Review)
            {
                errors.Add(new("reviewSheet.role", "decision.sheet_role", "审核评分表的类型不正确。", "The review sheet must have the review role."));
            }
            else if (template is not null)
            {
                errors.AddRange(ScoreSheetValidator.Validate(reviewSheet, template).Select(e => e.Under("reviewSheet")));
            }

            if (errors.Count == 0 && Submission.StoredBytes(reviewSheet) > Submission.MaxStoredBytes)
            {
                errors.Add(new("reviewSheet", "decision.sheet_too_large", "评分表内容太多，请精简备注和扣分理由。", $"The review sheet takes more than {Submission.MaxStoredBytes} bytes as stored."));
            }
        }

        return errors;
    }

    private static string TaskRow(string taskId) => "task-" + taskId;
}
