namespace GuanGong.Durable;

/// <summary>The instance was terminated by a client.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="Reason">The serialized reason (the output of the terminated instance).</param>
public sealed record ExecutionTerminatedEvent(DateTimeOffset Timestamp, string? Reason) : HistoryEvent(Timestamp);
