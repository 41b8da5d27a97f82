namespace GuanGong.Storage.Blobs.Models;

/// <summary>Extra details a listing can include. Mirrors <c>Azure.Storage.Blobs.Models.BlobTraits</c> (subset).</summary>
[Flags]
public enum BlobTraits
{
    /// <summary>Names and properties only.</summary>
    None = 0,

    /// <summary>Include user metadata.</summary>
    Metadata = 1,
}
