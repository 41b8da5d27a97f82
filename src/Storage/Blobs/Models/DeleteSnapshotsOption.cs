namespace GuanGong.Storage.Blobs.Models;

/// <summary>What to do with a blob's snapshots when deleting it. Mirrors <c>Azure.Storage.Blobs.Models.DeleteSnapshotsOption</c>.</summary>
public enum DeleteSnapshotsOption
{
    /// <summary>Delete the blob (fails if it has snapshots).</summary>
    None,

    /// <summary>Delete the blob and its snapshots.</summary>
    IncludeSnapshots,

    /// <summary>Delete only the snapshots.</summary>
    OnlySnapshots,
}
