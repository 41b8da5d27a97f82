using Azure;

namespace GuanGong.Storage.Blobs.Models;

/// <summary>A listed blob's properties. Mirrors <c>Azure.Storage.Blobs.Models.BlobItemProperties</c>.</summary>
public sealed class BlobItemProperties
{
    /// <summary>The size in bytes.</summary>
    public long? ContentLength { get; init; }

    /// <summary>The MIME type.</summary>
    public string? ContentType { get; init; }

    /// <summary>The content MD5, when the blob has one.</summary>
    public byte[]? ContentHash { get; init; }

    /// <summary>The ETag.</summary>
    public ETag? ETag { get; init; }

    /// <summary>When the blob was last modified.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>When the blob was created.</summary>
    public DateTimeOffset? CreatedOn { get; init; }
}
