namespace GuanGong.Durable;

/// <summary>The orchestrator scheduled an activity as call number <paramref name="TaskId"/>.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="TaskId">The call number.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Version">The activity version, if any.</param>
/// <param name="Input">The serialized input.</param>
public sealed record TaskScheduledEvent(DateTimeOffset Timestamp, int TaskId, string Name, string? Version, string? Input) : HistoryEvent(Timestamp);
