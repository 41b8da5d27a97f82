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
    /// Logs at Error every case whose workflow step has kept failing for over an hour (<see cref="Cases.CaseHealth"/>),
    /// with what the engine says of its instance; returns how many there are.
    /// </summary>
    public async Task<int> ReportStuckAsync(DurableTaskClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var now = time.GetUtcNow();
        var filter = string.Join(" or ", Cases.CaseHealth.EngineStatuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}")));
        var stuck = 0;
        await foreach (var stored in tables.Cases.QueryAsync(filter, cancellationToken))
        {
            if (!Cases.CaseHealth.IsStuck(stored.Value, now))
            {
                continue;
            }

            var instance = await engine.GetInstanceAsync(CaseWorkflowNames.InstanceId(stored.Value.CaseId), getInputsAndOutputs: false, cancellationToken);
            LogStuck(logger, stored.Value.CaseId, stored.Value.State.Status.ToString(), (int)(now - stored.Value.UpdatedAt).TotalMinutes,
                instance?.RuntimeStatus.ToString() ?? "none", instance?.FailureDetails?.ErrorType ?? "-");
            stuck++;
        }

        return stuck;
    }

    /// <summary>The filterable columns a decision row carries beside its JSON.</summary>
    public static Dictionary<string, object> Columns(ReviewDecisionRecord decision) => new() { ["Applied"] = decision.Applied };

    [LoggerMessage(Level = LogLevel.Error, Message = "Case {CaseId} is stuck: still {Status} after {Minutes} minutes, a workflow step keeps failing (engine instance {EngineStatus}, failure {ErrorType})")]
    private static partial void LogStuck(ILogger logger, string caseId, string status, int minutes, string engineStatus, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raised {Count} stored decisions again that their orchestrations had not taken")]
    private static partial void LogRaised(ILogger logger, int count);
}
