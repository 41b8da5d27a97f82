using GuanGong.Functions.Campaigns;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;
using GuanGong.Functions.Ledgers;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Submissions;

namespace GuanGong.Functions.Records;

/// <summary>
/// The app's own tables (the engine keeps its own beside them). One place names them all, so the
/// start-up check creates every one and a reader sees the whole persisted surface at a glance.
/// </summary>
public sealed class AppTables(AppStorage storage)
{
    public RecordTable<Committee> Committees { get; } = new(storage.Tables.GetTableClient("ggCommittees"));

    public RecordTable<StandardTemplate> Templates { get; } = new(storage.Tables.GetTableClient("ggTemplates"));

    public RecordTable<CampaignRecord> Campaigns { get; } = new(storage.Tables.GetTableClient("ggCampaigns"));

    public RecordTable<CaseRecord> Cases { get; } = new(storage.Tables.GetTableClient("ggCases"));

    public RecordTable<ReviewDecisionRecord> Decisions { get; } = new(storage.Tables.GetTableClient("ggDecisions"));

    public RecordTable<AuditEntry> Audit { get; } = new(storage.Tables.GetTableClient("ggAudit"));

    public RecordTable<IdempotencyRecord> Idempotency { get; } = new(storage.Tables.GetTableClient("ggIdempotency"));

    public RecordTable<LedgerRecord> Ledgers { get; } = new(storage.Tables.GetTableClient("ggLedgers"));

    public RecordTable<ApiKeyRecord> ApiKeys { get; } = new(storage.Tables.GetTableClient("ggApiKeys"));

    public RecordTable<TownshipRatingRecord> Ratings { get; } = new(storage.Tables.GetTableClient("ggRatings"));

    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Committees.Client, Templates.Client, Campaigns.Client, Cases.Client, Decisions.Client, Audit.Client, Idempotency.Client, Ledgers.Client, ApiKeys.Client, Ratings.Client })
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
