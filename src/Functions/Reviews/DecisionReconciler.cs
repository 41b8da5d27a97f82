using Microsoft.DurableTask.Client;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Records;
using Azure.Data.Tables;

namespace GuanGong.Functions.Reviews;

/// <summary>
/// Raises again every stored decision its orchestration has not taken yet (Applied = false) and
/// that is older than a grace period — the decision was recorded but raising its event failed, say
/// during a storage outage, and nobody retried. Raising twice is harmless (see DecisionService).
/// Run by a timer trigger (<see cref="DecisionFunctions.ReconcileDecisions"/>).
/// </summary>
public sealed partial class DecisionReconciler(AppTables tables, Cases.CaseStore cases, TimeProvider time, ILogger<DecisionReconciler> logger)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async Task<int> RunAsync(DurableTaskClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var cutoff = time.GetUtcNow() - Grace;
        var raised = 0;
        await foreach (var stored in tables.Decisions.QueryAsync(TableClient.CreateQueryFilter($"Applied eq {false}"), cancellationToken))
        {
            var decision = stored.Value;
            // Each decision has two rows (task row and link row); raise once, from the link row.
            if (decision.Applied || stored.RowKey != decision.OneTimeId || decision.DecidedAt > cutoff)
            {
                continue;
            }

            // Only the decision of the task the case is waiting on: one for a task the case has left
            // (escalated meanwhile, or decided) would be ignored by the orchestration, and raising it
            // every run would grow the instance's history without end.
            if ((await cases.GetAsync(decision.CaseId, cancellationToken))?.Value is not { } @case || @case.State.IsDecided || @case.Task?.TaskId != decision.TaskId)
            {
                continue;
            }

            await engine.RaiseEventAsync(
                CaseWorkflowNames.InstanceId(decision.CaseId), CaseWorkflowNames.DecisionEvent, new ReviewDecisionEvent(decision.TaskId, decision.OneTimeId, decision.Action), cancellationToken);
            raised++;
        }

        if (raised > 0)
        {
            LogRaised(logger, raised);
        }

        return raised;
    }

    /// <summary>
    /// Logs at Error every case whose workflow has a step failing for over an hour, at any stage (<see cref="Cases.CaseHealth"/>):
    /// cases whose row shows the engine owes them a step, cases with a stored decision on their open task that has not been
    /// applied, and cases whose engine instance was given up; and keeps the list for the dashboard (<see cref="Cases.StuckCaseReport"/>,
    /// written when it differs from what this process last wrote). Returns how many cases it logged.
    /// </summary>
    public async Task<int> ReportStuckAsync(DurableTaskClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var now = time.GetUtcNow();
        var logged = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<Cases.StuckCase>();

        // 1. The row: undecided, no open task, unchanged for an hour.
        var filter = string.Join(" or ", Cases.CaseHealth.EngineStatuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}")));
        await foreach (var stored in tables.Cases.QueryAsync(filter, cancellationToken))
        {
            var @case = stored.Value;
            if (Cases.CaseHealth.IsStuck(@case, now) && logged.Add(@case.CaseId))
            {
                var instance = await engine.GetInstanceAsync(CaseWorkflowNames.InstanceId(@case.CaseId), getInputsAndOutputs: false, cancellationToken);
                LogStuck(logger, @case.CaseId, StuckReasonRow, @case.State.Status.ToString(), @case.State.Stage, (int)(now - @case.UpdatedAt).TotalMinutes,
                    instance?.RuntimeStatus.ToString() ?? "none", instance?.FailureDetails?.ErrorType ?? "-");
                found.Add(new(@case.CaseId, Cases.StuckReason.EngineOwesStep, @case.UpdatedAt));
            }
        }

        // 2. A decision on the open task, stored an hour ago and still not applied.
        await foreach (var stored in tables.Decisions.QueryAsync(TableClient.CreateQueryFilter($"Applied eq {false}"), cancellationToken))
        {
            var decision = stored.Value;
            if (decision.Applied || stored.RowKey != decision.OneTimeId || logged.Contains(decision.CaseId)
                || (await cases.GetAsync(decision.CaseId, cancellationToken))?.Value is not { } @case
                || @case.Task?.TaskId != decision.TaskId
                || !Cases.CaseHealth.IsStuck(@case, now, decision.DecidedAt, instanceGivenUp: false))
            {
                continue;
            }

            logged.Add(@case.CaseId);
            var instance = await engine.GetInstanceAsync(CaseWorkflowNames.InstanceId(@case.CaseId), getInputsAndOutputs: false, cancellationToken);
            LogStuck(logger, @case.CaseId, StuckReasonDecision, @case.State.Status.ToString(), @case.State.Stage, (int)(now - decision.DecidedAt).TotalMinutes,
                instance?.RuntimeStatus.ToString() ?? "none", instance?.FailureDetails?.ErrorType ?? "-");
            found.Add(new(@case.CaseId, Cases.StuckReason.DecisionNotApplied, decision.DecidedAt));
        }

        // 3. Instances the engine gave up (its retries ran out): nothing will move these cases on.
        var givenUp = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            InstanceIdPrefix = CaseWorkflowNames.InstanceId(string.Empty),
        };
        await foreach (var instance in engine.GetAllInstancesAsync(givenUp).WithCancellation(cancellationToken))
        {
            var caseId = instance.InstanceId[CaseWorkflowNames.InstanceId(string.Empty).Length..];
            if (!logged.Add(caseId))
            {
                continue;
            }

            var @case = (await cases.GetAsync(caseId, cancellationToken))?.Value;
            LogStuck(logger, caseId, StuckReasonGivenUp, @case?.State.Status.ToString() ?? "missing", @case?.State.Stage ?? 0,
                (int)(now - instance.LastUpdatedAt).TotalMinutes, instance.RuntimeStatus.ToString(), instance.FailureDetails?.ErrorType ?? "-");
            found.Add(new(caseId, Cases.StuckReason.InstanceGivenUp, instance.LastUpdatedAt));
        }

        var report = Cases.StuckCaseReport.Of(now, found);
        if (!report.SameCasesAs(_published))
        {
            await tables.Health.UpsertAsync(ReportPartition, ReportRow, report, cancellationToken: cancellationToken);
            _published = report;
        }

        return logged.Count;
    }

    /// <summary>The stuck-case report last written (by any process); null before the first.</summary>
    public static async Task<Cases.StuckCaseReport?> LatestReportAsync(AppTables tables, CancellationToken cancellationToken) =>
        (await (tables ?? throw new ArgumentNullException(nameof(tables))).Health.GetAsync(ReportPartition, ReportRow, cancellationToken))?.Value;

    private const string ReportPartition = "stuck";
    private const string ReportRow = "latest";

    // What this process last wrote: the report is rewritten only when the cases in it change (the first run of a
    // process always writes, replacing whatever a process before left).
    private Cases.StuckCaseReport? _published;

    /// <summary>The filterable columns a decision row carries beside its JSON.</summary>
    public static Dictionary<string, object> Columns(ReviewDecisionRecord decision) => new() { ["Applied"] = decision.Applied };

    private const string StuckReasonRow = "the engine owes its next step";
    private const string StuckReasonDecision = "a stored decision is not applied";
    private const string StuckReasonGivenUp = "the engine gave its instance up";

    [LoggerMessage(Level = LogLevel.Error, Message = "Case {CaseId} is stuck ({Reason}): {Status} at stage {Stage}, for {Minutes} minutes a workflow step keeps failing (engine instance {EngineStatus}, failure {ErrorType})")]
    private static partial void LogStuck(ILogger logger, string caseId, string reason, string status, int stage, int minutes, string engineStatus, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raised {Count} stored decisions again that their orchestrations had not taken")]
    private static partial void LogRaised(ILogger logger, int count);
}
