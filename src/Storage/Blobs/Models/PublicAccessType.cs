namespace GuanGong.Storage.Blobs.Models;

/// <summary>Anonymous read access to a container. Mirrors <c>Azure.Storage.Blobs.Models.PublicAccessType</c>.</summary>
public enum PublicAccessType
{
    /// <summary>Private: every request is authorized (the default, and what this project uses).</summary>
    None,

    /// <summary>Anonymous reads of the container and its blobs.</summary>
    BlobContainer,

    /// <summary>Anonymous reads of blobs only.</summary>
    Blob,
}
