using GuanGong.Functions.Records;
using GuanGong.Functions.ReferenceData;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// Campaigns as stored: one row each, written with an ETag guard. Writers read with
/// <see cref="GetAsync"/> (fresh, with the ETag); the hot paths (every submission, every activity
/// that plans a stage) read with <see cref="FindAsync"/> and <see cref="FindByCaseIdAsync"/>, served
/// from memory for at most <c>GuanGong:ReferenceData:MaxAge</c> (default 30 s): a campaign created,
/// launched or changed through this host is seen at once, one changed through another host within
/// that bound.
/// </summary>
public sealed class CampaignStore(AppTables tables, TimeProvider time, IConfiguration configuration)
{
    private const string Partition = "campaign";
    private const string AllKey = "*";

    private readonly ReferenceCache<string, CampaignRecord?> _byId = new(time, ReferenceDataSettings.MaxAge(configuration));
    private readonly ReferenceCache<string, IReadOnlyList<CampaignRecord>> _all = new(time, ReferenceDataSettings.MaxAge(configuration));

    public Task<StoredRecord<CampaignRecord>?> GetAsync(string campaignId, CancellationToken cancellationToken) =>
        tables.Campaigns.GetAsync(Partition, campaignId, cancellationToken);

    /// <summary>The campaign, possibly as it was up to the reference-data bound ago (see the type's summary); null when there is none.</summary>
    public Task<CampaignRecord?> FindAsync(string campaignId, CancellationToken cancellationToken) =>
        _byId.GetAsync(campaignId, async ct => (await GetAsync(campaignId, ct))?.Value, cancellationToken);

    public async Task<bool> TryAddAsync(CampaignRecord campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        try
        {
            return await tables.Campaigns.TryAddAsync(Partition, campaign.Settings.Id, campaign, cancellationToken: cancellationToken);
        }
        finally
        {
            Forget(campaign.Settings.Id);
        }
    }

    public async Task<bool> TryUpdateAsync(StoredRecord<CampaignRecord> stored, CampaignRecord updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        try
        {
            return await tables.Campaigns.TryUpdateAsync(Partition, stored.RowKey, updated, stored.ETag, cancellationToken: cancellationToken);
        }
        finally
        {
            // Also after a lost race: the row changed under us, so what is cached is old.
            Forget(stored.RowKey);
        }
    }

    /// <summary>The campaign a case number names (its last part is the campaign's tag), or null; cached like <see cref="FindAsync"/>.</summary>
    public async Task<CampaignRecord?> FindByCaseIdAsync(string caseId, CancellationToken cancellationToken) =>
        Cases.CaseIds.Parse(caseId) is { } parts
            ? (await _all.GetAsync(AllKey, ListAsync, cancellationToken)).FirstOrDefault(c => Cases.CaseIds.Tag(c.Settings.Id) == parts.Tag)
            : null;

    public async Task<IReadOnlyList<CampaignRecord>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await tables.Campaigns.ListPartitionAsync(Partition, cancellationToken)).Select(r => r.Value)];

    private void Forget(string campaignId)
    {
        _byId.Invalidate(campaignId);
        _all.Clear();
    }
}
