namespace GuanGong.Durable;

/// <summary>The orchestrator created a durable timer as call number <paramref name="TaskId"/>.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="TaskId">The call number.</param>
/// <param name="FireAt">When the timer is due.</param>
public sealed record TimerCreatedEvent(DateTimeOffset Timestamp, int TaskId, DateTimeOffset FireAt) : HistoryEvent(Timestamp);
