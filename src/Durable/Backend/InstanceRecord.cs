namespace GuanGong.Durable;

/// <summary>
/// The persisted status of one instance. Backends write it in the same atomic step as the
/// history it reflects, so a reader never sees a status that history contradicts.
/// </summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="Name">The orchestrator name.</param>
/// <param name="Version">The pinned orchestrator version (null until the first episode resolves it).</param>
/// <param name="ExecutionId">The current execution id.</param>
/// <param name="RuntimeStatus">The lifecycle state.</param>
/// <param name="CreatedAt">When the instance was created.</param>
/// <param name="LastUpdatedAt">When the status last changed.</param>
/// <param name="Input">The serialized input of the current execution.</param>
/// <param name="Output">The serialized output (or terminate reason).</param>
/// <param name="CustomStatus">The serialized custom status.</param>
/// <param name="FailureDetails">Why it failed.</param>
/// <param name="PendingMessageCount">Messages the instance is waiting for (start, activity results, timers, sub-orchestrations).</param>
/// <param name="LastError">The last engine-level problem seen while processing the instance, if any.</param>
public sealed record InstanceRecord(
    string InstanceId,
    string Name,
    string? Version,
    string ExecutionId,
    OrchestrationRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? Input,
    string? Output,
    string? CustomStatus,
    TaskFailureDetails? FailureDetails,
    int PendingMessageCount,
    string? LastError)
{
    /// <summary>True once the instance has finished (completed, failed or terminated).</summary>
    public bool IsTerminal => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
