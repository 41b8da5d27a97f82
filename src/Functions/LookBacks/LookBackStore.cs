using GuanGong.Functions.Records;

namespace GuanGong.Functions.LookBacks;

/// <summary>Look-backs as stored: partition = the campaign, row key = the look-back's id; writes are ETag-guarded.</summary>
public sealed class LookBackStore(AppTables tables)
{
    /// <summary>The look-back, or null when there is none (also for ids from a request that no key could hold).</summary>
    public Task<StoredRecord<LookBackRecord>?> GetAsync(string campaignId, string lookBackId, CancellationToken cancellationToken)
    {
        try
        {
            TableLimits.CheckKey(campaignId, nameof(campaignId));
            TableLimits.CheckKey(lookBackId, nameof(lookBackId));
        }
        catch (ArgumentException)
        {
            return Task.FromResult<StoredRecord<LookBackRecord>?>(null);
        }

        return tables.LookBacks.GetAsync(campaignId, lookBackId, cancellationToken);
    }

    public Task<bool> TryAddAsync(LookBackRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return tables.LookBacks.TryAddAsync(record.CampaignId, record.LookBackId, record, cancellationToken: cancellationToken);
    }

    public Task<bool> TryUpdateAsync(StoredRecord<LookBackRecord> stored, LookBackRecord updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(updated);
        return tables.LookBacks.TryUpdateAsync(updated.CampaignId, updated.LookBackId, updated, stored.ETag, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<LookBackRecord>> ListAsync(string campaignId, CancellationToken cancellationToken) =>
        [.. (await tables.LookBacks.ListPartitionAsync(campaignId, cancellationToken)).Select(r => r.Value).OrderByDescending(r => r.DrawnAt)];
}
