namespace GuanGong.Durable;

/// <summary>One episode's durable result, written atomically.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="ExpectedETag">The token from the load (null: the instance must not exist yet).</param>
/// <param name="Record">The new status.</param>
/// <param name="NewEvents">History events to append (or, with <paramref name="StartsNewExecution"/>, the whole new history).</param>
/// <param name="StartsNewExecution">True when ContinueAsNew replaced the history.</param>
/// <param name="Outbox">The messages this checkpoint sends, recorded with it so a crash before sending cannot lose them.</param>
public sealed record CheckpointRequest(
    string InstanceId,
    string? ExpectedETag,
    InstanceRecord Record,
    IReadOnlyList<HistoryEvent> NewEvents,
    bool StartsNewExecution,
    IReadOnlyList<TaskMessage> Outbox)
{
    /// <summary>The status before this checkpoint, when known (a backend may skip re-indexing an unchanged status).</summary>
    public InstanceRecord? PreviousRecord { get; init; }
}
