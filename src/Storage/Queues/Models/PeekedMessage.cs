namespace GuanGong.Storage.Queues.Models;

/// <summary>A message seen without being received (no pop receipt). Mirrors <c>Azure.Storage.Queues.Models.PeekedMessage</c>.</summary>
public sealed class PeekedMessage
{
    internal PeekedMessage(string messageId, BinaryData body, long dequeueCount, DateTimeOffset? insertedOn, DateTimeOffset? expiresOn)
    {
        MessageId = messageId;
        Body = body;
        DequeueCount = dequeueCount;
        InsertedOn = insertedOn;
        ExpiresOn = expiresOn;
    }

    /// <summary>The message id.</summary>
    public string MessageId { get; }

    /// <summary>The decoded body.</summary>
    public BinaryData Body { get; }

    /// <summary>The body as text.</summary>
    public string MessageText => Body.ToString();

    /// <summary>How many times the message has been received.</summary>
    public long DequeueCount { get; }

    /// <summary>When the message was sent.</summary>
    public DateTimeOffset? InsertedOn { get; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset? ExpiresOn { get; }
}
