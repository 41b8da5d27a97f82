namespace GuanGong.Durable;

/// <summary>An activity threw.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="TaskScheduledId">The call number it completes.</param>
/// <param name="FailureDetails">What went wrong.</param>
public sealed record TaskFailedEvent(DateTimeOffset Timestamp, int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent(Timestamp);
