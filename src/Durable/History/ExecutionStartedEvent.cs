namespace GuanGong.Durable;

/// <summary>An execution of an orchestration began.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="Name">The orchestrator name.</param>
/// <param name="Version">The orchestrator version the instance is pinned to (resolved by the worker when null).</param>
/// <param name="Input">The serialized input.</param>
/// <param name="ExecutionId">The id of this execution (a new one after ContinueAsNew).</param>
/// <param name="Parent">The parent orchestration when this is a sub-orchestration.</param>
/// <param name="ScheduledStartTime">The earliest time the execution may start, when the caller delayed it.</param>
public sealed record ExecutionStartedEvent(
    DateTimeOffset Timestamp,
    string Name,
    string? Version,
    string? Input,
    string ExecutionId,
    ParentInstanceInfo? Parent = null,
    DateTimeOffset? ScheduledStartTime = null) : HistoryEvent(Timestamp);
