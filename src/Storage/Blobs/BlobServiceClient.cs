using Azure.Core;

namespace GuanGong.Storage.Blobs;

/// <summary>
/// The blob service of an account; hands out <see cref="BlobContainerClient"/>s that share its
/// pipeline. Mirrors <c>Azure.Storage.Blobs.BlobServiceClient</c>.
/// </summary>
public sealed class BlobServiceClient
{
    private readonly StorageClientContext _context;

    /// <summary>A client for the account in <paramref name="connectionString"/>.</summary>
    public BlobServiceClient(string connectionString, BlobClientOptions? options = null)
        : this(StorageAccount.Parse(connectionString), options)
    {
    }

    /// <summary>A client for <paramref name="account"/>, with its key or token credential.</summary>
    public BlobServiceClient(StorageAccount account, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        _context = StorageClientContext.Create(account.BlobEndpoint, account.SharedKeyCredential, account.TokenCredential, options ?? new BlobClientOptions(), "Blob", StorageHeaders.BlobVersion);
    }

    /// <summary>A client for the service at <paramref name="serviceUri"/>, signing with the account key.</summary>
    public BlobServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _context = StorageClientContext.Create(serviceUri, credential, null, options ?? new BlobClientOptions(), "Blob", StorageHeaders.BlobVersion);
    }

    /// <summary>A client for the service at <paramref name="serviceUri"/> with an Entra ID token (e.g. managed identity).</summary>
    public BlobServiceClient(Uri serviceUri, TokenCredential credential, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _context = StorageClientContext.Create(serviceUri, null, credential, options ?? new BlobClientOptions(), "Blob", StorageHeaders.BlobVersion);
    }

    /// <summary>The service endpoint.</summary>
    public Uri Uri => _context.Endpoint;

    /// <summary>The account name.</summary>
    public string AccountName => _context.AccountName;

    /// <summary>Whether this client holds the account key and can create SAS URIs.</summary>
    public bool CanGenerateSasUri => _context.SharedKey is not null;

    /// <summary>A client for one container, sharing this client's pipeline.</summary>
    /// <exception cref="ArgumentException">The name is not a valid container name.</exception>
    public BlobContainerClient GetBlobContainerClient(string blobContainerName) => new(_context, blobContainerName);
}
