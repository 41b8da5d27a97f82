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
    /// Starts a case's orchestration unless it exists: a retried submission (the case was stored,
    /// the start failed or its answer was lost) must not start a second run of the same case, and
    /// the engine would otherwise replace a running instance with a new one.
    /// </summary>
    public async Task StartAsync(CaseWorkflowInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var instanceId = CaseWorkflowNames.InstanceId(input.CaseId);
        if (await engine.GetInstanceAsync(instanceId, false, cancellationToken) is not null)
        {
            return;
        }

        await engine.ScheduleNewOrchestrationInstanceAsync(CaseWorkflowNames.Orchestrator, input, new StartOrchestrationOptions(InstanceId: instanceId), cancellationToken);
    }

    /// <summary>Raises an event to a case's orchestration (one queue message).</summary>
    public Task RaiseAsync(string caseId, string eventName, object payload, CancellationToken cancellationToken) =>
        engine.RaiseEventAsync(CaseWorkflowNames.InstanceId(caseId), eventName, payload, cancellationToken);
}
