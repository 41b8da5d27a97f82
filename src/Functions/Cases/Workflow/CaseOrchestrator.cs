using GuanGong.Domain.Cases;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// One case from submission to verdict, written the way a Durable Functions orchestrator is written:
/// score the submission; at each review stage open the task and wait for a decision while the
/// escalation ladder's timers run (remind, hand to the fallback reviewer, let the next level take it);
/// on "return" wait for the resubmission under its own deadline and review again; then notify the
/// unit and re-rate its township. A look-back's 限期整改 runs the same instance again from the wait
/// for the resubmission.
/// Two step sequences, chosen by the input's <see cref="CaseWorkflowInput.WorkflowVersion"/> when the instance
/// starts: the fine one (an activity per step: 17 work items for an accepted 3-level case) for instances started
/// before the coarse one existed, the coarse one (accept + open, apply + open next or apply + notify + re-rate:
/// 9 work items) for every instance started since. Each instance replays only the sequence it recorded.
/// </summary>
/// <remarks>
/// Deterministic by construction, because the engine replays this method from history: every fact
/// (deadlines, holders, the calendar, even the instant a task opens) comes from activity results,
/// which read the business clock (<see cref="TimeProvider"/>); the orchestrator itself reads no clock.
/// The escalation timers are set at the instants the activity worked out.
/// </remarks>
public static class CaseOrchestrator
{
    /// <summary>
    /// Every activity talks to storage or SMTP, which fail transiently (a restart, an outage): retry
    /// with back-off for up to a day before the case is given up as failed. The activities are
    /// idempotent, so a retry after a partial run does no harm.
    /// </summary>
    public static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 20, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(30), retryTimeout: TimeSpan.FromDays(1)));

    [Function(CaseWorkflowNames.Orchestrator)]
    public static async Task<CaseWorkflowOutput> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<CaseWorkflowInput>() ?? throw new InvalidOperationException("The case workflow was started without its input.");
        return input.WorkflowVersion >= CaseWorkflowInput.CoarseSteps
            ? await RunCoarseAsync(context, input)
            : await RunFineAsync(context, input);
    }

    /// <summary>
    /// The sequence of <see cref="CaseWorkflowInput.CoarseSteps"/>: the step that accepts the submission opens
    /// the first task, the step that applies a decision opens the next one or, when the case ends, notifies the
    /// unit and re-rates its township. Only what no decision step covers has its own activity: the task of a
    /// resubmitted round, a lapsed rectification, the end of a case closed some other way.
    /// </summary>
    private static async Task<CaseWorkflowOutput> RunCoarseAsync(TaskOrchestrationContext context, CaseWorkflowInput input)
    {
        var caseId = input.CaseId;
        var step = input.LookBackRectification
            ? new CaseStep(await context.CallActivityAsync<CaseProgress>(CaseWorkflowNames.ReadCaseProgress, caseId, Retry), null, false)
            : input.SubmittedFrom is { } origin
            ? await context.CallActivityAsync<CaseStep>(CaseWorkflowNames.AcceptAndOpenReview, new AcceptSubmissionInput(caseId, origin), Retry)
            : new CaseStep(await context.CallActivityAsync<CaseProgress>(CaseWorkflowNames.ScoreSubmission, caseId, Retry), null, false);
        // A look-back's 限期整改 starts with the case back with the unit: wait for its resubmission first.
        if (step.Progress.Status == CaseStatus.ReturnedForRectification)
        {
            step = new CaseStep(await AwaitResubmissionAsync(context, caseId, step.Progress), null, false);
        }

        while (!step.Progress.IsDecided)
        {
            var progress = step.Progress;
            context.SetCustomStatus(new { progress.Status, progress.Stage, progress.Round });
            // A resubmitted round's task is the one no decision step opened.
            var task = step.Task ?? await context.CallActivityAsync<OpenedTask>(
                CaseWorkflowNames.OpenReviewTask, new OpenTaskInput(caseId, progress.Stage, progress.Round), Retry);
            var decision = await AwaitDecisionAsync(context, caseId, task);
            step = await context.CallActivityAsync<CaseStep>(
                CaseWorkflowNames.ApplyDecisionAndContinue, new ApplyDecisionInput(caseId, task.TaskId, decision.OneTimeId), Retry);
            if (step.Progress.Status == CaseStatus.ReturnedForRectification)
            {
                step = new CaseStep(await AwaitResubmissionAsync(context, caseId, step.Progress), null, false);
            }
        }

        var decided = step.Progress;
        context.SetCustomStatus(new { decided.Status, decided.Stage, decided.Round });
        if (!step.Concluded)
        {
            await context.CallActivityAsync<bool>(CaseWorkflowNames.ConcludeCase, caseId, Retry);
        }

        return new CaseWorkflowOutput(caseId, decided.Status, decided.Status == CaseStatus.Passed);
    }

    /// <summary>
    /// The sequence of <see cref="CaseWorkflowInput.FineSteps"/>, one activity per step: kept, call for call, for
    /// the instances started on it (their histories replay only against the calls they recorded).
    /// </summary>
    private static async Task<CaseWorkflowOutput> RunFineAsync(TaskOrchestrationContext context, CaseWorkflowInput input)
    {
        var caseId = input.CaseId;
        // Instances started before submissions left their audit entry to the workflow have no origin
        // and keep the activity they were started with.
        var progress = input.LookBackRectification
            ? await context.CallActivityAsync<CaseProgress>(CaseWorkflowNames.ReadCaseProgress, caseId, Retry)
            : input.SubmittedFrom is { } origin
            ? await context.CallActivityAsync<CaseProgress>(CaseWorkflowNames.AcceptSubmission, new AcceptSubmissionInput(caseId, origin), Retry)
            : await context.CallActivityAsync<CaseProgress>(CaseWorkflowNames.ScoreSubmission, caseId, Retry);

        // A look-back's 限期整改 starts here with the case back with the unit: wait for its resubmission first.
        if (input.LookBackRectification && progress.Status == CaseStatus.ReturnedForRectification)
        {
            progress = await AwaitResubmissionAsync(context, caseId, progress);
        }
        while (!progress.IsDecided)
        {
            context.SetCustomStatus(new { progress.Status, progress.Stage, progress.Round });
            var task = await context.CallActivityAsync<OpenedTask>(
                CaseWorkflowNames.OpenReviewTask, new OpenTaskInput(caseId, progress.Stage, progress.Round), Retry);
            var decision = await AwaitDecisionAsync(context, caseId, task);
            progress = await context.CallActivityAsync<CaseProgress>(
                CaseWorkflowNames.ApplyDecision, new ApplyDecisionInput(caseId, task.TaskId, decision.OneTimeId), Retry);
            if (progress.Status == CaseStatus.ReturnedForRectification)
            {
                progress = await AwaitResubmissionAsync(context, caseId, progress);
            }
        }

        context.SetCustomStatus(new { progress.Status, progress.Stage, progress.Round });
        await context.CallActivityAsync<bool>(CaseWorkflowNames.NotifyUnitOfVerdict, caseId, Retry);
        await context.CallActivityAsync<Domain.Scoring.TownshipRating?>(CaseWorkflowNames.UpdateTownshipRating, caseId, Retry);
        return new CaseWorkflowOutput(caseId, progress.Status, progress.Status == CaseStatus.Passed);
    }

    // Each turn of the loops below consumes one external event. Decisions are raised once per winning
    // click, and again by the reconciler only while the case waits on that decision's own task (which
    // ends the loop), so the stale events a loop skips are few and its history stays bounded.
#pragma warning disable DURABLE0011 // unbounded loop without ContinueAsNew: bounded by the events raised, see above
    private static async Task<ReviewDecisionEvent> AwaitDecisionAsync(TaskOrchestrationContext context, string caseId, OpenedTask task)
    {
        foreach (var step in task.Steps)
        {
            while (true)
            {
                using var cancel = new CancellationTokenSource();
                var decision = context.WaitForExternalEvent<ReviewDecisionEvent>(CaseWorkflowNames.DecisionEvent, cancel.Token);
                var due = context.CreateTimer(step.At.UtcDateTime, cancel.Token);
                var winner = await Task.WhenAny(decision, due);
                StopWaiting(cancel);
                if (winner == decision)
                {
                    var taken = await decision;
                    if (taken.TaskId == task.TaskId)
                    {
                        return taken;
                    }

                    // A decision for an earlier task (raised twice, or after the task moved on): ignore it.
                    continue;
                }

                await context.CallActivityAsync<bool>(CaseWorkflowNames.ApplyEscalationStep, new EscalationStepInput(caseId, task.TaskId, step.Kind, step.At), Retry);
                break;
            }
        }

        // The last rung holds the case now; wait for its decision, however long it takes.
        while (true)
        {
            var taken = await context.WaitForExternalEvent<ReviewDecisionEvent>(CaseWorkflowNames.DecisionEvent);
            if (taken.TaskId == task.TaskId)
            {
                return taken;
            }
        }
    }

#pragma warning restore DURABLE0011

    // Cancel synchronously: the callbacks (dropping the losing timer or event wait) must run here on
    // the orchestration's replay thread, in order. CancelAsync would run them on the thread pool and
    // hand the orchestrator a non-durable task to await, which replay cannot allow.
#pragma warning disable CA1849 // Call async methods when in an async method
    private static void StopWaiting(CancellationTokenSource cancel) => cancel.Cancel();
#pragma warning restore CA1849

    private static async Task<CaseProgress> AwaitResubmissionAsync(TaskOrchestrationContext context, string caseId, CaseProgress returned)
    {
        using var cancel = new CancellationTokenSource();
        var resubmitted = context.WaitForExternalEvent<ResubmittedEvent>(CaseWorkflowNames.ResubmittedEvent, cancel.Token);
        var due = context.CreateTimer(returned.RectificationDueAt!.Value.UtcDateTime, cancel.Token);
        var winner = await Task.WhenAny(resubmitted, due);
        StopWaiting(cancel);
        if (winner == resubmitted)
        {
            var round = (await resubmitted).Round;
            return returned with { Status = CaseStatus.Resubmitted, Round = round, RectificationDueAt = null };
        }

        return await context.CallActivityAsync<CaseProgress>(CaseWorkflowNames.ExpireRectification, caseId, Retry);
    }
}
