namespace GuanGong.Storage.Blobs;

/// <summary>Options for <see cref="BlobServiceClient"/>, <see cref="BlobContainerClient"/> and <see cref="BlobClient"/>.</summary>
public sealed class BlobClientOptions : StorageClientOptions
{
}
