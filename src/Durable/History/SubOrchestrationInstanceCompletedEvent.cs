namespace GuanGong.Durable;

/// <summary>A sub-orchestration completed.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="TaskScheduledId">The call number it completes.</param>
/// <param name="Result">The serialized output.</param>
public sealed record SubOrchestrationInstanceCompletedEvent(DateTimeOffset Timestamp, int TaskScheduledId, string? Result) : HistoryEvent(Timestamp);
