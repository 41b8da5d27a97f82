namespace GuanGong.Durable;

/// <summary>An instance as loaded for an episode.</summary>
/// <param name="Record">The status.</param>
/// <param name="ETag">The concurrency token the next checkpoint must present.</param>
/// <param name="History">The current execution's history (empty when not requested).</param>
/// <param name="Outbox">Messages a previous checkpoint recorded but may not have sent (re-sent before the next episode).</param>
public sealed record InstanceSnapshot(InstanceRecord Record, string ETag, IReadOnlyList<HistoryEvent> History, IReadOnlyList<TaskMessage> Outbox);
