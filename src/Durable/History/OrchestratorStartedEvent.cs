namespace GuanGong.Durable;

/// <summary>An episode began; its timestamp is the orchestration's <c>CurrentUtcDateTime</c> for that episode.</summary>
/// <param name="Timestamp">When the episode began.</param>
public sealed record OrchestratorStartedEvent(DateTimeOffset Timestamp) : HistoryEvent(Timestamp);
