namespace GuanGong.Functions.Ledgers;

/// <summary>One uploaded ledger file's metadata; the bytes live in Blob Storage at <see cref="BlobName"/>. Versioned contract.</summary>
public sealed record LedgerRecord(
    int SchemaVersion,
    string LedgerId,
    string CaseId,
    string ItemId,
    string FileName,
    string ContentType,
    long Length,
    string Sha256,
    string BlobName,
    string UploadedBy,
    DateTimeOffset UploadedAt)
{
    public const int CurrentSchemaVersion = 1;
}
