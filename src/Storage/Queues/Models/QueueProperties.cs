namespace GuanGong.Storage.Queues.Models;

/// <summary>A queue's approximate length and metadata. Mirrors <c>Azure.Storage.Queues.Models.QueueProperties</c>.</summary>
public sealed class QueueProperties
{
    internal QueueProperties(int approximateMessagesCount, IDictionary<string, string> metadata)
    {
        ApproximateMessagesCount = approximateMessagesCount;
        Metadata = metadata;
    }

    /// <summary>The approximate number of messages (visible or not) in the queue.</summary>
    public int ApproximateMessagesCount { get; }

    /// <summary>The queue's metadata.</summary>
    public IDictionary<string, string> Metadata { get; }
}
