namespace GuanGong.Storage.Blobs.Models;

/// <summary>Which non-current blobs a listing includes. Mirrors <c>Azure.Storage.Blobs.Models.BlobStates</c> (subset: none).</summary>
[Flags]
public enum BlobStates
{
    /// <summary>Current, committed blobs only.</summary>
    None = 0,
}
