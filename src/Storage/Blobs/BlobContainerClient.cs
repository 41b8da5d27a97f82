using System.Globalization;
using System.Xml;
using Azure;
using Azure.Core;
using GuanGong.Storage.Blobs.Models;
using GuanGong.Storage.Sas;

namespace GuanGong.Storage.Blobs;

/// <summary>
/// One container: create, delete, list blobs by prefix, container SAS; hands out
/// <see cref="BlobClient"/>s that share its pipeline. Mirrors <c>Azure.Storage.Blobs.BlobContainerClient</c>.
/// </summary>
public sealed class BlobContainerClient
{
    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true };

    private readonly StorageClientContext _context;
    private readonly string _escapedName;

    /// <summary>A client for container <paramref name="blobContainerName"/> in the account of <paramref name="connectionString"/>.</summary>
    public BlobContainerClient(string connectionString, string blobContainerName, BlobClientOptions? options = null)
        : this(new BlobServiceClient(connectionString, options).GetBlobContainerClient(blobContainerName))
    {
    }

    /// <summary>A client for the container at <paramref name="blobContainerUri"/>, authorized by the SAS in its query (or anonymous).</summary>
    public BlobContainerClient(Uri blobContainerUri, BlobClientOptions? options = null)
        : this(FromUri(blobContainerUri, null, null, options))
    {
    }

    /// <summary>A client for the container at <paramref name="blobContainerUri"/>, signing with the account key.</summary>
    public BlobContainerClient(Uri blobContainerUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
        : this(FromUri(blobContainerUri, credential ?? throw new ArgumentNullException(nameof(credential)), null, options))
    {
    }

    /// <summary>A client for the container at <paramref name="blobContainerUri"/> with an Entra ID token (e.g. managed identity).</summary>
    public BlobContainerClient(Uri blobContainerUri, TokenCredential credential, BlobClientOptions? options = null)
        : this(FromUri(blobContainerUri, null, credential ?? throw new ArgumentNullException(nameof(credential)), options))
    {
    }

    internal BlobContainerClient(StorageClientContext context, string blobContainerName)
    {
        BlobProtocol.ValidateContainerName(blobContainerName);
        _context = context;
        Name = blobContainerName;
        _escapedName = Uri.EscapeDataString(blobContainerName);
    }

    private BlobContainerClient(BlobContainerClient other)
    {
        _context = other._context;
        Name = other.Name;
        _escapedName = other._escapedName;
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>The account name.</summary>
    public string AccountName => _context.AccountName;

    /// <summary>The container's URI.</summary>
    public Uri Uri => StorageUriParts.Append(_context.Endpoint, Name);

    /// <summary>Whether this client holds the account key and can create SAS URIs.</summary>
    public bool CanGenerateSasUri => _context.SharedKey is not null;

    internal StorageClientContext Context => _context;

    /// <summary>A client for one blob in this container, sharing this client's pipeline.</summary>
    public BlobClient GetBlobClient(string blobName) => new(_context, Name, blobName);

    /// <summary>Creates the container; throws 409 <c>ContainerAlreadyExists</c> if it exists.</summary>
    public async Task<Response<BlobContainerInfo>> CreateAsync(PublicAccessType publicAccessType = PublicAccessType.None, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateContainerMessage(publicAccessType, metadata);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BlobContainerInfo(BlobProtocol.ReadETag(response), BlobProtocol.ReadDate(response, "Last-Modified")), response);
    }

    /// <summary>Creates the container (private by default) unless it exists; the value is null if it existed.</summary>
    public async Task<Response<BlobContainerInfo>?> CreateIfNotExistsAsync(PublicAccessType publicAccessType = PublicAccessType.None, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateContainerMessage(publicAccessType, metadata);
        var response = await _context.SendAsync(message, cancellationToken, expected: 409).ConfigureAwait(false);
        return response.Status == 409
            ? null
            : Response.FromValue(new BlobContainerInfo(BlobProtocol.ReadETag(response), BlobProtocol.ReadDate(response, "Last-Modified")), response);
    }

    /// <summary>Deletes the container; throws 404 <c>ContainerNotFound</c> if missing.</summary>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Delete, "DeleteContainer");
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the container if it exists; the value says whether it did.</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Delete, "DeleteContainer");
        var response = await _context.SendAsync(message, cancellationToken, expected: 404).ConfigureAwait(false);
        return Response.FromValue(response.Status != 404, response);
    }

    /// <summary>Whether the container exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Head, "GetContainerProperties");
        var response = await _context.SendAsync(message, cancellationToken, expected: 404).ConfigureAwait(false);
        return Response.FromValue(response.Status != 404, response);
    }

    /// <summary>
    /// Lists blobs whose names start with <paramref name="prefix"/>, in name order, following
    /// <c>NextMarker</c> transparently (at most 5,000 per page; <c>pageSizeHint</c> lowers it).
    /// </summary>
    public AsyncPageable<BlobItem> GetBlobsAsync(BlobTraits traits = BlobTraits.None, BlobStates states = BlobStates.None, string? prefix = null, CancellationToken cancellationToken = default)
    {
        if (states != BlobStates.None)
        {
            throw new ArgumentOutOfRangeException(nameof(states), states, "Only current blobs can be listed.");
        }

        return new BlobPageable(this, traits, prefix, cancellationToken);
    }

    /// <summary>
    /// A URI to this container carrying a service SAS (container resource) for
    /// <paramref name="permissions"/> until <paramref name="expiresOn"/>. Needs the account key.
    /// </summary>
    public Uri GenerateSasUri(BlobContainerSasPermissions permissions, DateTimeOffset expiresOn)
    {
        var key = _context.SharedKey ?? throw new InvalidOperationException("A SAS is signed with the account key; this client has none (CanGenerateSasUri is false).");
        var sas = BlobServiceSas.Create(key, Name, null, BlobServiceSas.Letters(permissions), null, expiresOn, Uri.Scheme == Uri.UriSchemeHttps);
        return new Uri(Uri.AbsoluteUri + "?" + sas);
    }

    private HttpMessage CreateContainerMessage(PublicAccessType publicAccessType, IDictionary<string, string>? metadata)
    {
        var message = ContainerMessage(RequestMethod.Put, "CreateContainer");
        if (publicAccessType != PublicAccessType.None)
        {
            message.Request.Headers.SetValue("x-ms-blob-public-access", publicAccessType == PublicAccessType.Blob ? "blob" : "container");
        }

        StorageHeaders.ApplyMetadata(message.Request, metadata);
        return message;
    }

    private HttpMessage ContainerMessage(RequestMethod method, string operation)
    {
        var message = _context.CreateMessage(method, _escapedName, operation);
        message.Request.Uri.AppendQuery("restype", "container", escapeValue: false);
        return message;
    }

    private async Task<Page<BlobItem>> ListPageAsync(BlobTraits traits, string? prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        using var message = ContainerMessage(RequestMethod.Get, "ListBlobs");
        var uri = message.Request.Uri;
        uri.AppendQuery("comp", "list", escapeValue: false);
        if (!string.IsNullOrEmpty(prefix))
        {
            uri.AppendQuery("prefix", prefix, escapeValue: true);
        }

        if (!string.IsNullOrEmpty(marker))
        {
            uri.AppendQuery("marker", marker, escapeValue: true);
        }

        if (pageSize is not null)
        {
            uri.AppendQuery("maxresults", pageSize.Value.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        if (traits.HasFlag(BlobTraits.Metadata))
        {
            uri.AppendQuery("include", "metadata", escapeValue: false);
        }

        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var (items, nextMarker) = ReadListing(response);
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(nextMarker) ? null : nextMarker, response);
    }

    private static (List<BlobItem> Items, string? NextMarker) ReadListing(Response response)
    {
        var items = new List<BlobItem>();
        string? nextMarker = null;
        using var stream = response.Content.ToStream();
        using var reader = XmlReader.Create(stream, ReaderSettings);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.LocalName == "NextMarker")
            {
                nextMarker = reader.ReadElementContentAsString();
                continue;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 2 && reader.LocalName == "Blob")
            {
                items.Add(ReadBlob(reader));
                continue;
            }

            reader.Read();
        }

        return (items, nextMarker);
    }

    /// <summary>Reads one <c>&lt;Blob&gt;</c> element and leaves the reader just after it.</summary>
    private static BlobItem ReadBlob(XmlReader reader)
    {
        var depth = reader.Depth;
        var name = string.Empty;
        var section = string.Empty;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var empty = reader.IsEmptyElement;
        reader.Read();
        while (!empty && !reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var level = reader.Depth - depth;
                if (level == 1 && reader.LocalName == "Name")
                {
                    name = reader.ReadElementContentAsString();
                    continue;
                }

                if (level == 1)
                {
                    section = reader.LocalName;
                }
                else if (level == 2)
                {
                    var key = reader.LocalName;
                    var value = reader.ReadElementContentAsString();
                    (section == "Metadata" ? metadata : properties)[key] = value;
                    continue;
                }
            }

            reader.Read();
        }

        if (!empty)
        {
            reader.Read();
        }

        return new BlobItem(name, new BlobItemProperties
        {
            ContentLength = properties.TryGetValue("Content-Length", out var length) ? long.Parse(length, CultureInfo.InvariantCulture) : null,
            ContentType = properties.GetValueOrDefault("Content-Type"),
            ContentHash = properties.TryGetValue("Content-MD5", out var md5) && md5.Length > 0 ? Convert.FromBase64String(md5) : null,
            ETag = properties.TryGetValue("Etag", out var etag) ? new ETag(etag) : null,
            LastModified = StorageHeaders.ParseRfc1123(properties.GetValueOrDefault("Last-Modified")),
            CreatedOn = StorageHeaders.ParseRfc1123(properties.GetValueOrDefault("Creation-Time")),
        }, metadata);
    }

    private static BlobContainerClient FromUri(Uri blobContainerUri, StorageSharedKeyCredential? key, TokenCredential? token, BlobClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(blobContainerUri);
        var (endpoint, segments) = StorageUriParts.Split(blobContainerUri);
        if (segments.Length != 1)
        {
            throw new ArgumentException($"'{blobContainerUri.GetLeftPart(UriPartial.Path)}' is not a container URI.", nameof(blobContainerUri));
        }

        var sas = blobContainerUri.Query.TrimStart('?');
        var context = StorageClientContext.Create(endpoint, key, token, options ?? new BlobClientOptions(), "Blob", StorageHeaders.BlobVersion, sas.Length == 0 ? null : sas);
        return new BlobContainerClient(context, segments[0]);
    }

    private sealed class BlobPageable(BlobContainerClient container, BlobTraits traits, string? prefix, CancellationToken cancellationToken) : AsyncPageable<BlobItem>(cancellationToken)
    {
        public override async IAsyncEnumerable<Page<BlobItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            var marker = continuationToken;
            do
            {
                var page = await container.ListPageAsync(traits, prefix, marker, pageSizeHint, CancellationToken).ConfigureAwait(false);
                yield return page;
                marker = page.ContinuationToken;
            }
            while (marker is not null);
        }
    }
}
