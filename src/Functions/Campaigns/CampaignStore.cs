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

    /// <summary>The campaign a case number names (its last part is the campaign's tag), or null.</summary>
    public async Task<CampaignRecord?> FindByCaseIdAsync(string caseId, CancellationToken cancellationToken) =>
        Cases.CaseIds.Parse(caseId) is { } parts
            ? (await ListAsync(cancellationToken)).FirstOrDefault(c => Cases.CaseIds.Tag(c.Settings.Id) == parts.Tag)
            : null;

    public async Task<IReadOnlyList<CampaignRecord>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await tables.Campaigns.ListPartitionAsync(Partition, cancellationToken)).Select(r => r.Value)];
}
