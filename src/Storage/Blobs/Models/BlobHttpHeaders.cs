namespace GuanGong.Storage.Blobs.Models;

/// <summary>Standard HTTP properties stored with a blob. Mirrors <c>Azure.Storage.Blobs.Models.BlobHttpHeaders</c>.</summary>
public sealed class BlobHttpHeaders
{
    /// <summary>The MIME type.</summary>
    public string? ContentType { get; set; }

    /// <summary>The MD5 of the whole content. When given for a single-request upload the service checks it (400 <c>Md5Mismatch</c>).</summary>
    public byte[]? ContentHash { get; set; }

    /// <summary>The content encoding, e.g. <c>gzip</c>.</summary>
    public string? ContentEncoding { get; set; }

    /// <summary>The content language.</summary>
    public string? ContentLanguage { get; set; }

    /// <summary>The content disposition.</summary>
    public string? ContentDisposition { get; set; }

    /// <summary>The cache control.</summary>
    public string? CacheControl { get; set; }
}
