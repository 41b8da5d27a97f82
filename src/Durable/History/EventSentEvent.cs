namespace GuanGong.Durable;

/// <summary>The orchestrator sent an external event to another instance as call number <paramref name="TaskId"/>.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="TaskId">The call number.</param>
/// <param name="InstanceId">The receiving instance.</param>
/// <param name="Name">The event name.</param>
/// <param name="Input">The serialized payload.</param>
public sealed record EventSentEvent(DateTimeOffset Timestamp, int TaskId, string InstanceId, string Name, string? Input) : HistoryEvent(Timestamp);
