using Azure;
using Azure.Core;
using GuanGong.Storage.Blobs.Models;

namespace GuanGong.Storage.Blobs;

public sealed partial class BlobClient
{
    /// <summary>
    /// Downloads the blob (or <see cref="BlobDownloadOptions.Range"/> of it: 206) as a stream read
    /// straight from the network. For a full download with a stored Content-MD5 the stream checks
    /// the MD5 when it reaches the end (<see cref="InvalidDataException"/> on mismatch). Throws 404
    /// <c>BlobNotFound</c> if missing. Dispose the result.
    /// </summary>
    public async Task<Response<BlobDownloadStreamingResult>> DownloadStreamingAsync(BlobDownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var message = DownloadMessage(options);
        message.BufferResponse = false;
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var details = ReadDetails(response);
        var stream = message.ExtractResponseContent() ?? Stream.Null;
        if (IsFull(options) && details.BlobContentHash is { } md5)
        {
            stream = new Md5CheckingStream(stream, md5);
        }

        return Response.FromValue(new BlobDownloadStreamingResult(stream, details), response);
    }

    /// <summary>Downloads the whole blob into memory, checking its Content-MD5 when it has one.</summary>
    public Task<Response<BlobDownloadResult>> DownloadContentAsync(CancellationToken cancellationToken = default) =>
        DownloadContentAsync(null, cancellationToken);

    /// <summary>Downloads the blob (or a range of it) into memory.</summary>
    public async Task<Response<BlobDownloadResult>> DownloadContentAsync(BlobDownloadOptions? options, CancellationToken cancellationToken = default)
    {
        using var message = DownloadMessage(options);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var details = ReadDetails(response);
        var content = response.Content;
        if (IsFull(options) && details.BlobContentHash is { } md5 && !System.Security.Cryptography.MD5.HashData(content.ToMemory().Span).AsSpan().SequenceEqual(md5))
        {
            throw new InvalidDataException($"Blob '{Name}' failed its Content-MD5 check: the downloaded bytes are not the ones stored.");
        }

        return Response.FromValue(new BlobDownloadResult(content, details), response);
    }

    /// <summary>Downloads the whole blob into <paramref name="destination"/>, streaming.</summary>
    public async Task<Response> DownloadToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var download = await DownloadStreamingAsync(null, cancellationToken).ConfigureAwait(false);
        using var result = download.Value;
        await result.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        return download.GetRawResponse();
    }

    private HttpMessage DownloadMessage(BlobDownloadOptions? options)
    {
        var message = _context.CreateMessage(RequestMethod.Get, _path, "GetBlob");
        if (!IsFull(options))
        {
            message.Request.Headers.SetValue("x-ms-range", BlobProtocol.FormatRange(options!.Range));
        }

        BlobProtocol.ApplyConditions(message.Request, options?.Conditions);
        return message;
    }

    private static bool IsFull(BlobDownloadOptions? options) => options is null || options.Range == default;

    private static BlobDownloadDetails ReadDetails(Response response) => new()
    {
        ContentLength = BlobProtocol.ReadLong(response, "Content-Length"),
        ContentType = StorageHeaders.Get(response, "Content-Type"),
        ContentRange = StorageHeaders.Get(response, "Content-Range"),
        BlobContentHash = response.Status == 206
            ? BlobProtocol.ReadHash(response, "x-ms-blob-content-md5")
            : BlobProtocol.ReadHash(response, "Content-MD5") ?? BlobProtocol.ReadHash(response, "x-ms-blob-content-md5"),
        ETag = BlobProtocol.ReadETag(response),
        LastModified = BlobProtocol.ReadDate(response, "Last-Modified"),
        Metadata = StorageHeaders.ReadMetadata(response),
    };
}
