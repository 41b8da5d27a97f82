namespace GuanGong.Storage.Sas;

/// <summary>What a container SAS allows. Mirrors <c>Azure.Storage.Sas.BlobContainerSasPermissions</c> (subset).</summary>
[Flags]
public enum BlobContainerSasPermissions
{
    /// <summary>Read blobs.</summary>
    Read = 1,

    /// <summary>Append (append blobs).</summary>
    Add = 2,

    /// <summary>Create new blobs.</summary>
    Create = 4,

    /// <summary>Write or overwrite blobs.</summary>
    Write = 8,

    /// <summary>Delete blobs.</summary>
    Delete = 16,

    /// <summary>List blobs.</summary>
    List = 32,

    /// <summary>All of the above.</summary>
    All = Read | Add | Create | Write | Delete | List,
}
