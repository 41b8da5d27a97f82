using Azure;

namespace GuanGong.Storage.Blobs.Models;

/// <summary>What the service says about an uploaded blob. Mirrors <c>Azure.Storage.Blobs.Models.BlobContentInfo</c>.</summary>
public sealed class BlobContentInfo(ETag eTag, DateTimeOffset lastModified, byte[]? contentHash)
{
    /// <summary>The new ETag.</summary>
    public ETag ETag { get; } = eTag;

    /// <summary>When the blob was written.</summary>
    public DateTimeOffset LastModified { get; } = lastModified;

    /// <summary>The content MD5 the service computed or checked (single-request uploads).</summary>
    public byte[]? ContentHash { get; } = contentHash;
}
