namespace GuanGong.Durable;

/// <summary>A durable timer fell due.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="TimerId">The call number of the timer.</param>
/// <param name="FireAt">When the timer was due.</param>
public sealed record TimerFiredEvent(DateTimeOffset Timestamp, int TimerId, DateTimeOffset FireAt) : HistoryEvent(Timestamp);
