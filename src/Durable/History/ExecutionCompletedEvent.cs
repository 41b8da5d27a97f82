namespace GuanGong.Durable;

/// <summary>The execution ended with a result or a failure.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="Status"><see cref="OrchestrationRuntimeStatus.Completed"/> or <see cref="OrchestrationRuntimeStatus.Failed"/>.</param>
/// <param name="Result">The serialized output, when completed.</param>
/// <param name="FailureDetails">Why it failed, when failed.</param>
public sealed record ExecutionCompletedEvent(
    DateTimeOffset Timestamp,
    OrchestrationRuntimeStatus Status,
    string? Result,
    TaskFailureDetails? FailureDetails) : HistoryEvent(Timestamp);
