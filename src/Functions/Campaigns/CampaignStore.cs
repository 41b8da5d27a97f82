using GuanGong.Functions.Records;

namespace GuanGong.Functions.Campaigns;

/// <summary>Campaigns as stored: one row each, written with an ETag guard.</summary>
public sealed class CampaignStore(AppTables tables)
{
    private const string Partition = "campaign";

    public Task<StoredRecord<CampaignRecord>?> GetAsync(string campaignId, CancellationToken cancellationToken) =>
        tables.Campaigns.GetAsync(Partition, campaignId, cancellationToken);

    public Task<bool> TryAddAsync(CampaignRecord campaign, CancellationToken cancellationToken) =>
        tables.Campaigns.TryAddAsync(Partition, campaign.Settings.Id, campaign, cancellationToken: cancellationToken);

    public Task<bool> TryUpdateAsync(StoredRecord<CampaignRecord> stored, CampaignRecord updated, CancellationToken cancellationToken) =>
        tables.Campaigns.TryUpdateAsync(Partition, stored.RowKey, updated, stored.ETag, cancellationToken: cancellationToken);

    /// <summary>
    /// Reads, changes and writes a campaign with an ETag guard, re-reading on a conflict; <paramref name="change"/>
    /// returning null leaves it as it is. Returns the campaign as it stands afterwards, or null when there is none.
    /// </summary>
    public async Task<CampaignRecord?> UpdateAsync(string campaignId, Func<CampaignRecord, CampaignRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var stored = await GetAsync(campaignId, cancellationToken);
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

        throw new InvalidOperationException($"Campaign {campaignId} kept changing under 10 attempts to update it.");
    }

    /// <summary>The campaign a case number names (its last part is the campaign's tag), or null.</summary>
    public async Task<CampaignRecord?> FindByCaseIdAsync(string caseId, CancellationToken cancellationToken) =>
        Cases.CaseIds.Parse(caseId) is { } parts
            ? (await ListAsync(cancellationToken)).FirstOrDefault(c => Cases.CaseIds.Tag(c.Settings.Id) == parts.Tag)
            : null;

    public async Task<IReadOnlyList<CampaignRecord>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await tables.Campaigns.ListPartitionAsync(Partition, cancellationToken)).Select(r => r.Value)];
}
