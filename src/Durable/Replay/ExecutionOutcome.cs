namespace GuanGong.Durable;

/// <summary>How an episode left the orchestration: still running, finished, failed, or restarting itself.</summary>
internal sealed record ExecutionOutcome(
    OrchestrationRuntimeStatus Status,
    string? Output,
    TaskFailureDetails? Failure,
    ContinueAsNewRequest? ContinueAsNew,
    IReadOnlyList<EventRaisedEvent> CarriedEvents);
