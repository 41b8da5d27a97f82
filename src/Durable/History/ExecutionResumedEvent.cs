namespace GuanGong.Durable;

/// <summary>A client resumed a suspended instance; the held events are delivered in order.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="Reason">Why.</param>
public sealed record ExecutionResumedEvent(DateTimeOffset Timestamp, string? Reason) : HistoryEvent(Timestamp);
