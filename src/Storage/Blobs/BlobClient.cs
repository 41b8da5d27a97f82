using Azure;
using Azure.Core;
using GuanGong.Storage.Blobs.Models;
using GuanGong.Storage.Sas;

namespace GuanGong.Storage.Blobs;

/// <summary>
/// One block blob: upload (single request or staged blocks with bounded memory), streaming and
/// ranged download, properties, delete, service SAS. Mirrors <c>Azure.Storage.Blobs.BlobClient</c>.
/// </summary>
public sealed partial class BlobClient
{
    private readonly StorageClientContext _context;
    private readonly string _path;

    /// <summary>A client for blob <paramref name="blobName"/> in container <paramref name="blobContainerName"/> of the account in <paramref name="connectionString"/>.</summary>
    public BlobClient(string connectionString, string blobContainerName, string blobName, BlobClientOptions? options = null)
        : this(new BlobServiceClient(connectionString, options).GetBlobContainerClient(blobContainerName).GetBlobClient(blobName))
    {
    }

    /// <summary>A client for the blob at <paramref name="blobUri"/>, authorized by the SAS in its query (or anonymous).</summary>
    public BlobClient(Uri blobUri, BlobClientOptions? options = null)
        : this(FromUri(blobUri, null, null, options))
    {
    }

    /// <summary>A client for the blob at <paramref name="blobUri"/>, signing with the account key.</summary>
    public BlobClient(Uri blobUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
        : this(FromUri(blobUri, credential ?? throw new ArgumentNullException(nameof(credential)), null, options))
    {
    }

    /// <summary>A client for the blob at <paramref name="blobUri"/> with an Entra ID token (e.g. managed identity).</summary>
    public BlobClient(Uri blobUri, TokenCredential credential, BlobClientOptions? options = null)
        : this(FromUri(blobUri, null, credential ?? throw new ArgumentNullException(nameof(credential)), options))
    {
    }

    internal BlobClient(StorageClientContext context, string blobContainerName, string blobName)
    {
        BlobProtocol.ValidateContainerName(blobContainerName);
        BlobProtocol.ValidateBlobName(blobName);
        _context = context;
        BlobContainerName = blobContainerName;
        Name = blobName;
        _path = Uri.EscapeDataString(blobContainerName) + "/" + StorageUriParts.EscapePath(blobName);
    }

    private BlobClient(BlobClient other)
    {
        _context = other._context;
        BlobContainerName = other.BlobContainerName;
        Name = other.Name;
        _path = other._path;
    }

    /// <summary>The blob name (may contain '/').</summary>
    public string Name { get; }

    /// <summary>The container name.</summary>
    public string BlobContainerName { get; }

    /// <summary>The account name.</summary>
    public string AccountName => _context.AccountName;

    /// <summary>The blob's URI (without any SAS).</summary>
    public Uri Uri => new(_context.Endpoint.AbsoluteUri.TrimEnd('/') + "/" + _path);

    /// <summary>Whether this client holds the account key and can create SAS URIs.</summary>
    public bool CanGenerateSasUri => _context.SharedKey is not null;

    /// <summary>The blob's properties and metadata (HEAD). Throws 404 <c>BlobNotFound</c> if missing.</summary>
    public async Task<Response<BlobProperties>> GetPropertiesAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Head, _path, "GetBlobProperties");
        BlobProtocol.ApplyConditions(message.Request, conditions);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BlobProperties
        {
            ContentLength = BlobProtocol.ReadLong(response, "Content-Length"),
            ContentType = StorageHeaders.Get(response, "Content-Type"),
            ContentHash = BlobProtocol.ReadHash(response, "Content-MD5"),
            ContentEncoding = StorageHeaders.Get(response, "Content-Encoding"),
            ETag = BlobProtocol.ReadETag(response),
            LastModified = BlobProtocol.ReadDate(response, "Last-Modified"),
            CreatedOn = BlobProtocol.ReadDate(response, "x-ms-creation-time"),
            Metadata = StorageHeaders.ReadMetadata(response),
        }, response);
    }

    /// <summary>Whether the blob exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Head, _path, "GetBlobProperties");
        var response = await _context.SendAsync(message, cancellationToken, expected: 404).ConfigureAwait(false);
        return Response.FromValue(response.Status != 404, response);
    }

    /// <summary>Deletes the blob; throws 404 <c>BlobNotFound</c> if missing, 412 if a condition fails.</summary>
    public async Task<Response> DeleteAsync(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = DeleteMessage(snapshotsOption, conditions);
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the blob if it exists; the value says whether it did.</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = DeleteMessage(snapshotsOption, conditions);
        var response = await _context.SendAsync(message, cancellationToken, expected: 404).ConfigureAwait(false);
        return Response.FromValue(response.Status != 404, response);
    }

    /// <summary>
    /// A URI to this blob carrying a service SAS for <paramref name="permissions"/> until
    /// <paramref name="expiresOn"/> (keep it short). Needs the account key.
    /// </summary>
    public Uri GenerateSasUri(BlobSasPermissions permissions, DateTimeOffset expiresOn)
    {
        var key = _context.SharedKey ?? throw new InvalidOperationException("A SAS is signed with the account key; this client has none (CanGenerateSasUri is false).");
        var sas = BlobServiceSas.Create(key, BlobContainerName, Name, BlobServiceSas.Letters(permissions), null, expiresOn, _context.Endpoint.Scheme == Uri.UriSchemeHttps);
        return new Uri(Uri.AbsoluteUri + "?" + sas);
    }

    private HttpMessage DeleteMessage(DeleteSnapshotsOption snapshotsOption, BlobRequestConditions? conditions)
    {
        var message = _context.CreateMessage(RequestMethod.Delete, _path, "DeleteBlob");
        if (snapshotsOption != DeleteSnapshotsOption.None)
        {
            message.Request.Headers.SetValue("x-ms-delete-snapshots", snapshotsOption == DeleteSnapshotsOption.IncludeSnapshots ? "include" : "only");
        }

        BlobProtocol.ApplyConditions(message.Request, conditions);
        return message;
    }

    private static BlobClient FromUri(Uri blobUri, StorageSharedKeyCredential? key, TokenCredential? token, BlobClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(blobUri);
        var (endpoint, segments) = StorageUriParts.Split(blobUri);
        if (segments.Length < 2)
        {
            throw new ArgumentException($"'{blobUri.GetLeftPart(UriPartial.Path)}' is not a blob URI.", nameof(blobUri));
        }

        var sas = blobUri.Query.TrimStart('?');
        var context = StorageClientContext.Create(endpoint, key, token, options ?? new BlobClientOptions(), "Blob", StorageHeaders.BlobVersion, sas.Length == 0 ? null : sas);
        return new BlobClient(context, segments[0], string.Join('/', segments.Skip(1)));
    }
}
