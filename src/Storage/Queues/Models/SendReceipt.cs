namespace GuanGong.Storage.Queues.Models;

/// <summary>What the service says about a sent message. Mirrors <c>Azure.Storage.Queues.Models.SendReceipt</c>.</summary>
public sealed class SendReceipt
{
    internal SendReceipt(string messageId, DateTimeOffset insertionTime, DateTimeOffset expirationTime, string popReceipt, DateTimeOffset timeNextVisible)
    {
        MessageId = messageId;
        InsertionTime = insertionTime;
        ExpirationTime = expirationTime;
        PopReceipt = popReceipt;
        TimeNextVisible = timeNextVisible;
    }

    /// <summary>The message id.</summary>
    public string MessageId { get; }

    /// <summary>When the message was inserted.</summary>
    public DateTimeOffset InsertionTime { get; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset ExpirationTime { get; }

    /// <summary>A pop receipt that allows deleting or updating the message before it is received.</summary>
    public string PopReceipt { get; }

    /// <summary>When the message becomes visible.</summary>
    public DateTimeOffset TimeNextVisible { get; }
}
