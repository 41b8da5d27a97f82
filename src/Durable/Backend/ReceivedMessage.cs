namespace GuanGong.Durable;

/// <summary>A message delivered from a queue.</summary>
/// <param name="Message">The decoded message.</param>
/// <param name="DequeueCount">How many times it has been delivered (1 on first delivery).</param>
/// <param name="QueueName">The queue it came from.</param>
/// <param name="Receipt">The backend's handle for deleting it; null when the caller (a queue trigger) deletes it.</param>
public sealed record ReceivedMessage(TaskMessage Message, long DequeueCount, string QueueName, object? Receipt);
