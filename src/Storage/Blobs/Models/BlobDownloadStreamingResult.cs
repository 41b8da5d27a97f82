namespace GuanGong.Storage.Blobs.Models;

/// <summary>A download whose content is read as a stream straight from the network; dispose it. Mirrors <c>Azure.Storage.Blobs.Models.BlobDownloadStreamingResult</c>.</summary>
public sealed class BlobDownloadStreamingResult(Stream content, BlobDownloadDetails details) : IDisposable
{
    /// <summary>The content (for a full download, its MD5 is checked against the blob's when the stream ends).</summary>
    public Stream Content { get; } = content;

    /// <summary>The blob's properties.</summary>
    public BlobDownloadDetails Details { get; } = details;

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();
}
