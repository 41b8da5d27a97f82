namespace GuanGong.Storage.Queues;

/// <summary>Options for <see cref="QueueServiceClient"/> and <see cref="QueueClient"/>.</summary>
public sealed class QueueClientOptions : StorageClientOptions
{
    /// <summary>How message text is encoded on the wire. Default <see cref="QueueMessageEncoding.Base64"/> (UTF-8).</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
