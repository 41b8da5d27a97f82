using GuanGong.Functions.Records;
using GuanGong.Storage.Tables;

namespace GuanGong.Functions.Cases;

/// <summary>
/// Cases as stored: one row per case (partition = case id, so a status read is a point lookup),
/// with CampaignId/Year/UnitCode/Status columns for listing a campaign's cases.
/// </summary>
public sealed class CaseStore(AppTables tables)
{
    private const string Row = "case";

    public Task<StoredRecord<CaseRecord>?> GetAsync(string caseId, CancellationToken cancellationToken) =>
        tables.Cases.GetAsync(caseId, Row, cancellationToken);

    public Task<bool> TryAddAsync(CaseRecord record, CancellationToken cancellationToken) =>
        tables.Cases.TryAddAsync(record.CaseId, Row, record, Columns(record), cancellationToken);

    public Task<bool> TryUpdateAsync(StoredRecord<CaseRecord> stored, CaseRecord updated, CancellationToken cancellationToken) =>
        tables.Cases.TryUpdateAsync(updated.CaseId, Row, updated, stored.ETag, Columns(updated), cancellationToken);

    /// <summary>
    /// Reads, changes and writes a case with an ETag guard, re-reading on a conflict, so two
    /// writers (an activity and a resubmission, say) never overwrite each other's change.
    /// Returns null when the case does not exist; <paramref name="change"/> returning null leaves it as it is.
    /// </summary>
    public async Task<CaseRecord?> UpdateAsync(string caseId, Func<CaseRecord, CaseRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var stored = await GetAsync(caseId, cancellationToken);
            if (stored is null)
            {
                return null;
            }

            var updated = change(stored.Value);
            if (updated is null || await TryUpdateAsync(stored, updated, cancellationToken))
            {
                return updated ?? stored.Value;
            }
        }

        throw new InvalidOperationException($"Case {caseId} kept changing under 20 attempts to update it.");
    }

    public async Task<IReadOnlyList<CaseRecord>> ListAsync(string campaignId, int? year, CancellationToken cancellationToken)
    {
        var filter = year is { } y
            ? TableClient.CreateQueryFilter($"CampaignId eq {campaignId} and Year eq {y}")
            : TableClient.CreateQueryFilter($"CampaignId eq {campaignId}");
        var cases = new List<CaseRecord>();
        await foreach (var record in tables.Cases.QueryAsync(filter, cancellationToken))
        {
            cases.Add(record.Value);
        }

        return cases;
    }

    private static Dictionary<string, object> Columns(CaseRecord record) => new()
    {
        ["CampaignId"] = record.CampaignId,
        ["Year"] = record.Year,
        ["UnitCode"] = record.UnitCode,
        ["Status"] = record.State.Status.ToString(),
    };
}
