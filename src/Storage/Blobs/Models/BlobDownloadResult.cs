namespace GuanGong.Storage.Blobs.Models;

/// <summary>A download held in memory. Mirrors <c>Azure.Storage.Blobs.Models.BlobDownloadResult</c>.</summary>
public sealed class BlobDownloadResult(BinaryData content, BlobDownloadDetails details)
{
    /// <summary>The content.</summary>
    public BinaryData Content { get; } = content;

    /// <summary>The blob's properties.</summary>
    public BlobDownloadDetails Details { get; } = details;
}
