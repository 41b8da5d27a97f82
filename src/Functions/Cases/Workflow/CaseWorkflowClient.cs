using GuanGong.Durable;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// Starts and signals case orchestrations with one queue message each, on the request path of a
/// submission or a decision. The engine's <see cref="DurableTaskClient"/> reads the instance before
/// every start and every raise, and on a start also writes its status row and query mirror: four
/// storage requests in line for a start, two for a raise. Here those add nothing:
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A start needs only its message: the worker creates the instance from an
/// <see cref="ExecutionStartedEvent"/> when no status row exists (the engine's client sends the
/// message first for the same reason), and drops a second start for an instance that has started,
/// so a retried submission that starts the same case again is harmless.</item>
/// <item>Events are raised only for instances whose own activities opened the task or returned the
/// case (the reviewer's link or the unit's resubmission exists because of them), so the existence
/// check cannot fail; the worker records each event message once.</item>
/// </list>
/// The messages are the engine's persisted contract (<see cref="TaskMessage"/>), serialised with the
/// converter the engine's client uses.
/// </remarks>
public sealed class CaseWorkflowClient(IOrchestrationBackend backend, TimeProvider time)
{
    private static readonly DataConverter Converter = JsonDataConverter.Default;

    /// <summary>Queues the start of a case's orchestration (one request).</summary>
    public Task StartAsync(CaseWorkflowInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var instanceId = CaseWorkflowNames.InstanceId(input.CaseId);
        var executionId = Guid.NewGuid().ToString("N");
        var started = new ExecutionStartedEvent(time.GetUtcNow(), CaseWorkflowNames.Orchestrator, null, Converter.Serialize(input), executionId);
        return backend.SendAsync(new TaskMessage(Guid.NewGuid().ToString("N"), instanceId, executionId, started), TimeSpan.Zero, cancellationToken);
    }

    /// <summary>Raises an event to a case's running orchestration (one request).</summary>
    public Task RaiseAsync(string caseId, string eventName, object payload, CancellationToken cancellationToken)
    {
        var messageId = Guid.NewGuid().ToString("N");
        var raised = new EventRaisedEvent(time.GetUtcNow(), eventName, Converter.Serialize(payload), messageId);
        return backend.SendAsync(new TaskMessage(messageId, CaseWorkflowNames.InstanceId(caseId), null, raised), TimeSpan.Zero, cancellationToken);
    }
}
