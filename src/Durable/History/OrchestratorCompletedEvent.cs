namespace GuanGong.Durable;

/// <summary>An episode ended (the orchestrator yielded or finished).</summary>
/// <param name="Timestamp">When the episode ended.</param>
public sealed record OrchestratorCompletedEvent(DateTimeOffset Timestamp) : HistoryEvent(Timestamp);
