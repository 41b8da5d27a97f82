using Azure;

namespace GuanGong.Storage.Blobs.Models;

/// <summary>Properties returned with a download. Mirrors <c>Azure.Storage.Blobs.Models.BlobDownloadDetails</c>.</summary>
public sealed class BlobDownloadDetails
{
    /// <summary>The length of this response's content (the range, if one was asked).</summary>
    public long ContentLength { get; init; }

    /// <summary>The MIME type.</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>Content-Range</c> of a ranged download, e.g. <c>bytes 0-99/1000</c>.</summary>
    public string? ContentRange { get; init; }

    /// <summary>The whole blob's content MD5, when it has one.</summary>
    public byte[]? BlobContentHash { get; init; }

    /// <summary>The ETag.</summary>
    public ETag ETag { get; init; }

    /// <summary>When the blob was last modified.</summary>
    public DateTimeOffset LastModified { get; init; }

    /// <summary>User metadata.</summary>
    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
