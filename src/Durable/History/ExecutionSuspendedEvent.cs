namespace GuanGong.Durable;

/// <summary>A client paused the instance; events that arrive meanwhile are held until it resumes.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="Reason">Why.</param>
public sealed record ExecutionSuspendedEvent(DateTimeOffset Timestamp, string? Reason) : HistoryEvent(Timestamp);
