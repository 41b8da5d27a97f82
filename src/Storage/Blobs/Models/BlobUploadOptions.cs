namespace GuanGong.Storage.Blobs.Models;

/// <summary>How to upload a blob. Mirrors <c>Azure.Storage.Blobs.Models.BlobUploadOptions</c>.</summary>
public sealed class BlobUploadOptions
{
    /// <summary>Content type, content MD5 and the other HTTP properties.</summary>
    public BlobHttpHeaders? HttpHeaders { get; set; }

    /// <summary>User metadata.</summary>
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>Conditions on the existing blob (null: overwrite unconditionally).</summary>
    public BlobRequestConditions? Conditions { get; set; }

    /// <summary>Single-request threshold, block size and parallelism (defaults: <see cref="BlobClient.DefaultInitialTransferSize"/>, <see cref="BlobClient.DefaultBlockSize"/>, <see cref="BlobClient.DefaultConcurrency"/>).</summary>
    public StorageTransferOptions TransferOptions { get; set; }
}
