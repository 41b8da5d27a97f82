namespace GuanGong.Durable;

/// <summary>An activity returned.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="TaskScheduledId">The call number it completes.</param>
/// <param name="Result">The serialized result.</param>
public sealed record TaskCompletedEvent(DateTimeOffset Timestamp, int TaskScheduledId, string? Result) : HistoryEvent(Timestamp);
