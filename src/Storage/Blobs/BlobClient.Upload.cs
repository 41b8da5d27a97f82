using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;
using GuanGong.Storage.Blobs.Models;

namespace GuanGong.Storage.Blobs;

public sealed partial class BlobClient
{
    /// <summary>Content up to this size (4 MiB) is uploaded in one Put Blob request.</summary>
    public const long DefaultInitialTransferSize = 4 * 1024 * 1024;

    /// <summary>Larger content is staged in blocks of this size (4 MiB).</summary>
    public const long DefaultBlockSize = 4 * 1024 * 1024;

    /// <summary>Blocks uploaded at once (2). A staged upload holds about max(2, concurrency) buffers of the block size.</summary>
    public const int DefaultConcurrency = 2;

    /// <summary>The largest buffer an upload will hold (256 MiB).</summary>
    public const long MaxBufferSize = 256 * 1024 * 1024;

    private const int MaxBlocks = 50_000;

    /// <summary>Uploads the stream as a new blob; throws 409 <c>BlobAlreadyExists</c> if one exists.</summary>
    public Task<Response<BlobContentInfo>> UploadAsync(Stream content) => UploadAsync(content, overwrite: false);

    /// <summary>Uploads the stream; unless <paramref name="overwrite"/>, an existing blob is not replaced (409 <c>BlobAlreadyExists</c>).</summary>
    public Task<Response<BlobContentInfo>> UploadAsync(Stream content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(content, OverwriteOptions(overwrite), cancellationToken);

    /// <summary>Uploads the bytes; unless <paramref name="overwrite"/>, an existing blob is not replaced.</summary>
    public Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(content, OverwriteOptions(overwrite), cancellationToken);

    /// <summary>Uploads the bytes with the given headers, metadata and conditions.</summary>
    public Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return UploadAsync(content.ToStream(), options, cancellationToken);
    }

    /// <summary>
    /// Uploads the stream with the given headers, metadata and conditions (no conditions: overwrite).
    /// Content up to <see cref="StorageTransferOptions.InitialTransferSize"/> goes in one Put Blob;
    /// larger content is read block by block (never all at once) and staged with Put Block, then
    /// committed with Put Block List carrying the conditions. Every request carries a Content-MD5
    /// that the service checks; the committed blob records the MD5 of the whole content.
    /// </summary>
    public async Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var initial = BufferSize(options.TransferOptions.InitialTransferSize ?? DefaultInitialTransferSize, "InitialTransferSize");
        var blockSize = BufferSize(options.TransferOptions.MaximumTransferSize ?? DefaultBlockSize, "MaximumTransferSize");
        var concurrency = options.TransferOptions.MaximumConcurrency ?? DefaultConcurrency;
        if (concurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), concurrency, "MaximumConcurrency must be at least 1.");
        }

        var firstSize = content.CanSeek ? (int)Math.Min(initial, Math.Max(0, content.Length - content.Position)) : initial;
        byte[]? first = ArrayPool<byte>.Shared.Rent(Math.Max(firstSize, 1));
        try
        {
            var filled = await FillAsync(content, first, firstSize, cancellationToken).ConfigureAwait(false);
            if (filled < initial)
            {
                return await PutBlobAsync(first.AsMemory(0, filled), options, cancellationToken).ConfigureAwait(false);
            }

            var next = ArrayPool<byte>.Shared.Rent(blockSize);
            var nextLength = await FillAsync(content, next, blockSize, cancellationToken).ConfigureAwait(false);
            if (nextLength == 0)
            {
                ArrayPool<byte>.Shared.Return(next);
                return await PutBlobAsync(first.AsMemory(0, filled), options, cancellationToken).ConfigureAwait(false);
            }

            // The staged upload takes over both buffers and returns them as soon as it can.
            var staged = new StagedUpload(this, content, options, blockSize, concurrency);
            var handedOver = first;
            first = null;
            return await staged.RunAsync(handedOver, filled, next, nextLength, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (first is not null)
            {
                ArrayPool<byte>.Shared.Return(first);
            }
        }
    }

    private static BlobUploadOptions OverwriteOptions(bool overwrite) =>
        new() { Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All } };

    private static int BufferSize(long value, string name) =>
        value is >= 1 and <= MaxBufferSize
            ? (int)value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be 1 byte to {MaxBufferSize} bytes.");

    /// <summary>Reads until <paramref name="count"/> bytes or the end of the stream; returns how many were read.</summary>
    private static async ValueTask<int> FillAsync(Stream content, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < count)
        {
            var read = await content.ReadAsync(buffer.AsMemory(total, count - total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private async Task<Response<BlobContentInfo>> PutBlobAsync(ReadOnlyMemory<byte> data, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        using var message = _context.CreateMessage(RequestMethod.Put, _path, "PutBlob");
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        var md5 = options.HttpHeaders?.ContentHash ?? MD5.HashData(data.Span);
        request.Headers.SetValue("Content-MD5", Convert.ToBase64String(md5));
        ApplyWriteOptions(request, options);
        request.Content = RequestContent.Create(data);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BlobContentInfo(BlobProtocol.ReadETag(response), BlobProtocol.ReadDate(response, "Last-Modified"), BlobProtocol.ReadHash(response, "Content-MD5") ?? md5), response);
    }

    private async Task StageBlockAsync(string blockId, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        using var message = _context.CreateMessage(RequestMethod.Put, _path, "PutBlock");
        var request = message.Request;
        request.Uri.AppendQuery("comp", "block", escapeValue: false);
        request.Uri.AppendQuery("blockid", blockId, escapeValue: true);
        request.Headers.SetValue("Content-MD5", Convert.ToBase64String(MD5.HashData(data.Span)));
        request.Content = RequestContent.Create(data);
        await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Response<BlobContentInfo>> CommitBlockListAsync(List<string> blockIds, byte[] contentMd5, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        var xml = new StringBuilder(64 + (blockIds.Count * 32));
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in blockIds)
        {
            xml.Append("<Latest>").Append(id).Append("</Latest>");
        }

        xml.Append("</BlockList>");
        var body = Encoding.UTF8.GetBytes(xml.ToString());
        using var message = _context.CreateMessage(RequestMethod.Put, _path, "PutBlockList");
        var request = message.Request;
        request.Uri.AppendQuery("comp", "blocklist", escapeValue: false);
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/xml");
        request.Headers.SetValue("Content-MD5", Convert.ToBase64String(MD5.HashData(body)));
        request.Headers.SetValue("x-ms-blob-content-md5", Convert.ToBase64String(contentMd5));
        ApplyWriteOptions(request, options);
        request.Content = RequestContent.Create(body);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BlobContentInfo(BlobProtocol.ReadETag(response), BlobProtocol.ReadDate(response, "Last-Modified"), contentMd5), response);
    }

    /// <summary>What Put Blob and Put Block List both carry: HTTP properties, metadata, conditions.</summary>
    private static void ApplyWriteOptions(Request request, BlobUploadOptions options)
    {
        StorageHeaders.ApplyMetadata(request, options.Metadata);
        BlobProtocol.ApplyConditions(request, options.Conditions);
        if (options.HttpHeaders is not { } headers)
        {
            return;
        }

        SetIfPresent(request, "x-ms-blob-content-type", headers.ContentType);
        SetIfPresent(request, "x-ms-blob-content-encoding", headers.ContentEncoding);
        SetIfPresent(request, "x-ms-blob-content-language", headers.ContentLanguage);
        SetIfPresent(request, "x-ms-blob-content-disposition", headers.ContentDisposition);
        SetIfPresent(request, "x-ms-blob-cache-control", headers.CacheControl);
    }

    private static void SetIfPresent(Request request, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            request.Headers.SetValue(name, value);
        }
    }

    /// <summary>
    /// One staged upload: reads the source one block at a time into pooled buffers, keeps at most
    /// <c>concurrency</c> Put Block requests in flight (each buffer goes back to the pool when its
    /// request ends), hashes the whole content on the way, then commits the block list.
    /// </summary>
    private sealed class StagedUpload(BlobClient blob, Stream content, BlobUploadOptions options, int blockSize, int concurrency)
    {
        private readonly List<string> _blockIds = [];
        private readonly List<Task> _inFlight = [];
        private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);

        public async Task<Response<BlobContentInfo>> RunAsync(byte[] first, int firstLength, byte[] next, int nextLength, CancellationToken cancellationToken)
        {
            try
            {
                // The probe buffer may be larger than a block: stage it in block-size slices, then
                // give it back to the pool before reading on, so that its memory serves the blocks.
                _md5.AppendData(first, 0, firstLength);
                for (var offset = 0; offset < firstLength; offset += blockSize)
                {
                    await StartAsync(first.AsMemory(offset, Math.Min(blockSize, firstLength - offset)), owned: null, cancellationToken).ConfigureAwait(false);
                }

                await Task.WhenAll(_inFlight).ConfigureAwait(false);
                _inFlight.Clear();
                ArrayPool<byte>.Shared.Return(first);
                first = null!;

                while (true)
                {
                    _md5.AppendData(next, 0, nextLength);
                    var buffer = next;
                    next = null!;
                    await StartAsync(buffer.AsMemory(0, nextLength), owned: buffer, cancellationToken).ConfigureAwait(false);
                    next = ArrayPool<byte>.Shared.Rent(blockSize);
                    nextLength = await FillAsync(content, next, blockSize, cancellationToken).ConfigureAwait(false);
                    if (nextLength == 0)
                    {
                        ArrayPool<byte>.Shared.Return(next);
                        next = null!;
                        break;
                    }
                }

                await Task.WhenAll(_inFlight).ConfigureAwait(false);
                var contentMd5 = _md5.GetHashAndReset();
                if (options.HttpHeaders?.ContentHash is { } expected && !expected.AsSpan().SequenceEqual(contentMd5))
                {
                    throw new RequestFailedException(400, "The content's MD5 does not match BlobHttpHeaders.ContentHash; nothing was committed.", "Md5Mismatch", null);
                }

                return await blob.CommitBlockListAsync(_blockIds, contentMd5, options, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                if (next is not null)
                {
                    ArrayPool<byte>.Shared.Return(next);
                }

                // Let the requests still running finish, so their buffers go back to the pool.
                try
                {
                    await Task.WhenAll(_inFlight).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The first failure is the one worth reporting.
                }

                if (first is not null)
                {
                    ArrayPool<byte>.Shared.Return(first);
                }

                throw;
            }
            finally
            {
                _md5.Dispose();
            }
        }

        private async Task StartAsync(ReadOnlyMemory<byte> data, byte[]? owned, CancellationToken cancellationToken)
        {
            if (_blockIds.Count >= MaxBlocks)
            {
                if (owned is not null)
                {
                    ArrayPool<byte>.Shared.Return(owned);
                }

                throw new InvalidOperationException($"The content needs more than {MaxBlocks} blocks; raise MaximumTransferSize.");
            }

            // Same-length ids are required within one blob: six digits, base64.
            var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(_blockIds.Count.ToString("D6", CultureInfo.InvariantCulture)));
            _blockIds.Add(id);
            _inFlight.Add(StageAsync(id, data, owned, cancellationToken));
            while (_inFlight.Count >= concurrency)
            {
                var done = await Task.WhenAny(_inFlight).ConfigureAwait(false);
                _inFlight.Remove(done);
                await done.ConfigureAwait(false);
            }
        }

        private async Task StageAsync(string id, ReadOnlyMemory<byte> data, byte[]? owned, CancellationToken cancellationToken)
        {
            try
            {
                await blob.StageBlockAsync(id, data, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (owned is not null)
                {
                    ArrayPool<byte>.Shared.Return(owned);
                }
            }
        }
    }
}
