namespace GuanGong.Durable;

/// <summary>A sub-orchestration failed or was terminated.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="TaskScheduledId">The call number it completes.</param>
/// <param name="FailureDetails">What went wrong.</param>
public sealed record SubOrchestrationInstanceFailedEvent(DateTimeOffset Timestamp, int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent(Timestamp);
