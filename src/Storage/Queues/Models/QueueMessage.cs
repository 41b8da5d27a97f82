namespace GuanGong.Storage.Queues.Models;

/// <summary>A received message: its body, and the pop receipt needed to update or delete it. Mirrors <c>Azure.Storage.Queues.Models.QueueMessage</c>.</summary>
public sealed class QueueMessage
{
    internal QueueMessage(string messageId, string popReceipt, BinaryData body, long dequeueCount, DateTimeOffset? nextVisibleOn, DateTimeOffset? insertedOn, DateTimeOffset? expiresOn)
    {
        MessageId = messageId;
        PopReceipt = popReceipt;
        Body = body;
        DequeueCount = dequeueCount;
        NextVisibleOn = nextVisibleOn;
        InsertedOn = insertedOn;
        ExpiresOn = expiresOn;
    }

    /// <summary>The message id.</summary>
    public string MessageId { get; }

    /// <summary>The receipt of this receive; the next update or receive makes it stale.</summary>
    public string PopReceipt { get; }

    /// <summary>The decoded body (<c>Body.ToString()</c> is the UTF-8 text).</summary>
    public BinaryData Body { get; }

    /// <summary>The body as text.</summary>
    public string MessageText => Body.ToString();

    /// <summary>How many times the message has been received, this time included.</summary>
    public long DequeueCount { get; }

    /// <summary>When the message becomes visible again.</summary>
    public DateTimeOffset? NextVisibleOn { get; }

    /// <summary>When the message was sent.</summary>
    public DateTimeOffset? InsertedOn { get; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset? ExpiresOn { get; }

    /// <summary>This message after an update: the new pop receipt and visibility time.</summary>
    public QueueMessage Update(UpdateReceipt updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return new QueueMessage(MessageId, updated.PopReceipt, Body, DequeueCount, updated.NextVisibleOn, InsertedOn, ExpiresOn);
    }
}
