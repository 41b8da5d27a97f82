namespace GuanGong.Durable;

/// <summary>
/// A message between engine parts: to an instance's control queue (starts, results, timers,
/// events, terminate) or, when it carries a <see cref="TaskScheduledEvent"/>, to the shared
/// work-item queue. Persisted in queues and outboxes, so it is a versioned contract.
/// </summary>
/// <param name="MessageId">Unique per message; an event raised twice by one message is recorded once.</param>
/// <param name="InstanceId">The instance the message is for (for work items: the calling instance).</param>
/// <param name="ExecutionId">The execution it belongs to (null for external events and client requests).</param>
/// <param name="Event">The history event the message delivers.</param>
public sealed record TaskMessage(string MessageId, string InstanceId, string? ExecutionId, HistoryEvent Event)
{
    /// <summary>True for activity work items (the shared queue), false for control messages (the instance's partition).</summary>
    public bool IsWorkItem => Event is TaskScheduledEvent;

    /// <summary>When the message may be acted on (timers and delayed starts), or null when at once.</summary>
    public DateTimeOffset? DueAt => Event switch
    {
        TimerFiredEvent timer => timer.FireAt,
        ExecutionStartedEvent { ScheduledStartTime: { } start } => start,
        _ => null,
    };
}
