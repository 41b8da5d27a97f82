namespace GuanGong.Durable;

/// <summary>What one episode produced: new scheduled calls, the outcome (null while running), the custom status.</summary>
internal sealed record ExecutionResult(
    IReadOnlyList<HistoryEvent> NewActions,
    ExecutionOutcome? Outcome,
    string? CustomStatus,
    bool CustomStatusSet,
    bool Suspended = false);
