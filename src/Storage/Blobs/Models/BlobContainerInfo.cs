using Azure;

namespace GuanGong.Storage.Blobs.Models;

/// <summary>What the service says about a created container. Mirrors <c>Azure.Storage.Blobs.Models.BlobContainerInfo</c>.</summary>
public sealed class BlobContainerInfo(ETag eTag, DateTimeOffset lastModified)
{
    /// <summary>The container's ETag.</summary>
    public ETag ETag { get; } = eTag;

    /// <summary>When the container was last modified.</summary>
    public DateTimeOffset LastModified { get; } = lastModified;
}
