using Azure;
using GuanGong.Functions.Records;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace GuanGong.Functions.Ledgers;

/// <summary>
/// Ledger files: the bytes in the private <c>ledgers</c> container at <c>{caseId}/{itemId}/{ledgerId}</c>,
/// the metadata in <c>ggLedgers</c> (partition = case id, row = ledger id). An upload is checked by
/// content before anything is written, streamed (hashed on the way), and recorded only once the blob
/// is committed, so a refused or broken upload leaves nothing behind.
/// </summary>
public sealed class LedgerStore(AppStorage storage, AppTables tables, TimeProvider time)
{
    private const int CopyBufferBytes = 81920;

    private BlobContainerClient Container => storage.Blobs.GetBlobContainerClient(Records.StorageInitializer.LedgerContainer);

    /// <summary>
    /// Stores one upload. <paramref name="body"/> is read once, forward only. Returns null, having
    /// stored nothing, when the content is not a kind a ledger may be.
    /// </summary>
    public async Task<LedgerRecord?> UploadAsync(string caseId, string itemId, string fileName, Stream body, string uploadedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var header = new byte[LedgerFileSniffer.HeaderLength];
        var headerLength = await body.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        var kind = LedgerFileSniffer.Detect(header.AsSpan(0, headerLength));
        if (kind is null)
        {
            return null;
        }

        var ledgerId = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        var blob = Container.GetBlockBlobClient($"{caseId}/{itemId}/{ledgerId}");
        using var hashing = new HashingReadStream(header.AsMemory(0, headerLength), body);
        if (LedgerFileSniffer.IsZip(header.AsSpan(0, headerLength)))
        {
            // Whether a ZIP is a Word or Excel file is written in its central directory, at the end:
            // spool it to a temporary file (never to memory), look, and upload from there.
            await using var spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, CopyBufferBytes, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await hashing.CopyToAsync(spool, CopyBufferBytes, cancellationToken);
            spool.Position = 0;
            kind = LedgerFileSniffer.ConfirmOfficeOpenXml(spool);
            if (kind is null)
            {
                return null;
            }

            spool.Position = 0;
            await LedgerBlobUpload.UploadAsync(blob, spool, kind.ContentType, cancellationToken);
        }
        else
        {
            await LedgerBlobUpload.UploadAsync(blob, hashing, kind.ContentType, cancellationToken);
        }

        var record = new LedgerRecord(
            LedgerRecord.CurrentSchemaVersion, ledgerId, caseId, itemId, LedgerFileName.WithExtensionOf(fileName, kind),
            kind.ContentType, hashing.BytesRead, hashing.FinishSha256(), blob.Name, uploadedBy, time.GetUtcNow());
        try
        {
            if (!await tables.Ledgers.TryAddAsync(caseId, ledgerId, record, cancellationToken: cancellationToken))
            {
                throw new InvalidOperationException($"Ledger id {ledgerId} is already taken.");
            }
        }
        catch
        {
            // Without its record nobody can reach the blob; take it away again.
            await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw;
        }

        return record;
    }

    public async Task<IReadOnlyList<LedgerRecord>> ListAsync(string caseId, CancellationToken cancellationToken) =>
        [.. (await tables.Ledgers.ListPartitionAsync(caseId, cancellationToken)).Select(r => r.Value).OrderBy(r => r.UploadedAt).ThenBy(r => r.LedgerId, StringComparer.Ordinal)];

    public async Task<LedgerRecord?> GetAsync(string caseId, string ledgerId, CancellationToken cancellationToken) =>
        (await tables.Ledgers.GetAsync(caseId, ledgerId, cancellationToken))?.Value;

    /// <summary>The stored bytes as a network stream (dispose it), checked against the blob's Content-MD5 at its end; null when the blob is gone.</summary>
    public async Task<BlobDownloadStreamingResult?> OpenReadAsync(LedgerRecord ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        try
        {
            var download = (await Container.GetBlobClient(ledger.BlobName).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            return (download.Details.BlobContentHash ?? download.Details.ContentHash) is { Length: > 0 } md5
                ? BlobsModelFactory.BlobDownloadStreamingResult(new Md5CheckingReadStream(download.Content, md5), download.Details)
                : download;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
