using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace GuanGong.Functions.Ledgers;

/// <summary>
/// Uploads a ledger from a forward-only stream with flat memory and the blob's Content-MD5 set.
/// The SDK's own <c>UploadAsync</c> cannot record the MD5 of the whole content when it stages
/// blocks (it would have to know the hash before reading the stream), so this drives the block
/// blob directly: content up to one block (4 MiB) goes in one Put Blob; larger content is read a
/// block at a time into pooled buffers and staged with at most <see cref="Concurrency"/> blocks in
/// flight, then committed with the MD5 of the whole. Every request carries a Content-MD5 the
/// service checks, and a blob that already exists is never overwritten (a ledger id is new).
/// </summary>
internal static class LedgerBlobUpload
{
    /// <summary>The size of one Put Blob or one staged block.</summary>
    public const int BlockBytes = 4 * 1024 * 1024;

    /// <summary>Blocks sent at once; the upload holds at most this many buffers plus the one being filled.</summary>
    public const int Concurrency = 2;

    private const int MaxBlocks = 50_000;

    private static readonly UploadTransferValidationOptions Md5Checked = new() { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 };

    public static async Task UploadAsync(BlockBlobClient blob, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(content);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var first = ArrayPool<byte>.Shared.Rent(BlockBytes);
        byte[]? second = null;
        try
        {
            var firstLength = await FillAsync(content, first, cancellationToken);
            md5.AppendData(first, 0, firstLength);
            if (firstLength == BlockBytes)
            {
                second = ArrayPool<byte>.Shared.Rent(BlockBytes);
                var secondLength = await FillAsync(content, second, cancellationToken);
                if (secondLength > 0)
                {
                    md5.AppendData(second, 0, secondLength);
                    var (handedFirst, handedSecond) = (first, second);
                    (first, second) = (null, null);
                    await StageAndCommitAsync(blob, content, contentType, md5, (handedFirst, firstLength), (handedSecond, secondLength), cancellationToken);
                    return;
                }
            }

            using var single = new MemoryStream(first, 0, firstLength, writable: false);
            await blob.UploadAsync(single, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentHash = md5.GetHashAndReset() },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                TransferValidation = Md5Checked,
            }, cancellationToken);
        }
        finally
        {
            Return(first);
            Return(second);
        }
    }

    private static async Task StageAndCommitAsync(
        BlockBlobClient blob, Stream content, string contentType, IncrementalHash md5, (byte[] Buffer, int Length) first, (byte[] Buffer, int Length) second, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var pending = new List<Task>(Concurrency);
        try
        {
            await StartAsync(first.Buffer, first.Length);
            await StartAsync(second.Buffer, second.Length);
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
                var length = await FillAsync(content, buffer, cancellationToken);
                if (length == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                md5.AppendData(buffer, 0, length);
                await StartAsync(buffer, length);
            }

            await Task.WhenAll(pending);
            await blob.CommitBlockListAsync(ids, new CommitBlockListOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentHash = md5.GetHashAndReset() },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch
        {
            // Let the blocks in flight finish (or fail) before the buffers' owner goes away; staged
            // blocks that are never committed are discarded by the service after a week.
            await Task.WhenAll(pending).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        async Task StartAsync(byte[] buffer, int length)
        {
            if (ids.Count == MaxBlocks)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw new InvalidOperationException($"A ledger may have at most {MaxBlocks} blocks of {BlockBytes} bytes.");
            }

            var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(ids.Count.ToString("D6", CultureInfo.InvariantCulture)));
            ids.Add(id);
            if (pending.Count == Concurrency)
            {
                var done = await Task.WhenAny(pending);
                pending.Remove(done);
                await done;
            }

            pending.Add(StageAsync(blob, id, buffer, length, cancellationToken));
        }
    }

    private static async Task StageAsync(BlockBlobClient blob, string id, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        try
        {
            using var block = new MemoryStream(buffer, 0, length, writable: false);
            await blob.StageBlockAsync(id, block, new BlockBlobStageBlockOptions { TransferValidation = Md5Checked }, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async ValueTask<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken) =>
        await content.ReadAtLeastAsync(buffer.AsMemory(0, BlockBytes), BlockBytes, throwOnEndOfStream: false, cancellationToken);

    private static void Return(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
