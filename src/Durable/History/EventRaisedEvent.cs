namespace GuanGong.Durable;

/// <summary>An external event arrived.</summary>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="Name">The event name (matched case-insensitively).</param>
/// <param name="Input">The serialized payload.</param>
/// <param name="MessageId">The id of the message that carried it, so a redelivery is recorded once.</param>
public sealed record EventRaisedEvent(DateTimeOffset Timestamp, string Name, string? Input, string MessageId) : HistoryEvent(Timestamp);
