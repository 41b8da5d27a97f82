namespace GuanGong.Functions.Ledgers;

/// <summary>A ledger as the API shows it; <see cref="DownloadUrl"/> is a short-lived app link (list answers only).</summary>
public sealed record LedgerView(
    string LedgerId,
    string CaseId,
    string ItemId,
    string FileName,
    string ContentType,
    long Length,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    string? DownloadUrl = null,
    DateTimeOffset? DownloadExpiresAt = null)
{
    public static LedgerView From(LedgerRecord ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return new(ledger.LedgerId, ledger.CaseId, ledger.ItemId, ledger.FileName, ledger.ContentType, ledger.Length, ledger.Sha256, ledger.UploadedBy, ledger.UploadedAt);
    }
}
