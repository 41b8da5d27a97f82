namespace GuanGong.Durable;

/// <summary>The orchestrator started a sub-orchestration as call number <paramref name="TaskId"/>.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="TaskId">The call number.</param>
/// <param name="Name">The sub-orchestrator name.</param>
/// <param name="Version">The sub-orchestrator version, if any.</param>
/// <param name="InstanceId">The child's instance id.</param>
/// <param name="Input">The serialized input.</param>
public sealed record SubOrchestrationInstanceCreatedEvent(
    DateTimeOffset Timestamp,
    int TaskId,
    string Name,
    string? Version,
    string InstanceId,
    string? Input) : HistoryEvent(Timestamp);
