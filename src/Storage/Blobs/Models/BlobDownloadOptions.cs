using Azure;

namespace GuanGong.Storage.Blobs.Models;

/// <summary>How to download a blob. Mirrors <c>Azure.Storage.Blobs.Models.BlobDownloadOptions</c>.</summary>
public sealed class BlobDownloadOptions
{
    /// <summary>The byte range (default: all). A range answers 206.</summary>
    public HttpRange Range { get; set; }

    /// <summary>Conditions on the blob.</summary>
    public BlobRequestConditions? Conditions { get; set; }
}
