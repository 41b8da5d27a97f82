using System.Text.Json;

namespace GuanGong.Durable;

/// <summary>The wire and storage format of messages and history events (System.Text.Json, camelCase, polymorphic events).</summary>
public static class TaskMessageSerializer
{
    // Every persisted engine shape uses these; not public, so nobody can change them at run time.
    internal static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Serializes a message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(TaskMessage message) => JsonSerializer.Serialize(message, Options);

    /// <summary>Deserializes a message.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The message.</returns>
    public static TaskMessage Deserialize(string json) =>
        JsonSerializer.Deserialize<TaskMessage>(json, Options) ?? throw new JsonException("A task message cannot be null.");

    /// <summary>Serializes history events.</summary>
    /// <param name="events">The events.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeEvents(IReadOnlyList<HistoryEvent> events) => JsonSerializer.Serialize(events, Options);

    /// <summary>Deserializes history events.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The events.</returns>
    public static IReadOnlyList<HistoryEvent> DeserializeEvents(string json) =>
        JsonSerializer.Deserialize<List<HistoryEvent>>(json, Options) ?? [];

    /// <summary>Serializes messages (an outbox).</summary>
    /// <param name="messages">The messages.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeMessages(IReadOnlyList<TaskMessage> messages) => JsonSerializer.Serialize(messages, Options);

    /// <summary>Deserializes messages.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The messages.</returns>
    public static IReadOnlyList<TaskMessage> DeserializeMessages(string json) =>
        JsonSerializer.Deserialize<List<TaskMessage>>(json, Options) ?? [];
}
