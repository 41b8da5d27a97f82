namespace GuanGong.Storage.Sas;

/// <summary>What a blob SAS allows. Mirrors <c>Azure.Storage.Sas.BlobSasPermissions</c> (subset).</summary>
[Flags]
public enum BlobSasPermissions
{
    /// <summary>Read content and properties.</summary>
    Read = 1,

    /// <summary>Append (append blobs).</summary>
    Add = 2,

    /// <summary>Create a new blob (not overwrite).</summary>
    Create = 4,

    /// <summary>Write or overwrite.</summary>
    Write = 8,

    /// <summary>Delete.</summary>
    Delete = 16,

    /// <summary>All of the above.</summary>
    All = Read | Add | Create | Write | Delete,
}
