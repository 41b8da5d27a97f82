using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// Starts and signals case orchestrations through the <see cref="DurableTaskClient"/> a function was
/// given (<c>[DurableClient]</c>): the one place that knows the case workflow's instance ids, its
/// orchestrator's name and its events.
/// </summary>
public sealed class CaseWorkflowClient(DurableTaskClient engine)
{
    /// <summary>
    /// Starts a case's orchestration. A retried submission (the case was stored, the start failed or
    /// its answer was lost) may start it again: Durable refuses to start an instance id that is
    /// running, pending or suspended (as the Durable extension does by default), which here means the
    /// first start went through; an instance that ended (failed) is started afresh.
    /// </summary>
    public async Task StartAsync(CaseWorkflowInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await engine.ScheduleNewOrchestrationInstanceAsync(
                CaseWorkflowNames.Orchestrator, input, new StartOrchestrationOptions(InstanceId: CaseWorkflowNames.InstanceId(input.CaseId)), cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Already running: the earlier start of this submission took effect.
        }
    }

    /// <summary>Raises an event to a case's orchestration (one queue message).</summary>
    public Task RaiseAsync(string caseId, string eventName, object payload, CancellationToken cancellationToken) =>
        engine.RaiseEventAsync(CaseWorkflowNames.InstanceId(caseId), eventName, payload, cancellationToken);
}
