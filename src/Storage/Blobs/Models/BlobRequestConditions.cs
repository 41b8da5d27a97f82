using Azure;

namespace GuanGong.Storage.Blobs.Models;

/// <summary>Conditions a blob request needs to hold. Mirrors <c>Azure.Storage.Blobs.Models.BlobRequestConditions</c>.</summary>
public sealed class BlobRequestConditions
{
    /// <summary>Only if the blob's ETag matches (412 <c>ConditionNotMet</c> otherwise).</summary>
    public ETag? IfMatch { get; set; }

    /// <summary>Only if the blob's ETag does not match; <see cref="ETag.All"/> means "only if the blob does not exist" (409 <c>BlobAlreadyExists</c>).</summary>
    public ETag? IfNoneMatch { get; set; }

    /// <summary>Only if modified since.</summary>
    public DateTimeOffset? IfModifiedSince { get; set; }

    /// <summary>Only if not modified since.</summary>
    public DateTimeOffset? IfUnmodifiedSince { get; set; }
}
