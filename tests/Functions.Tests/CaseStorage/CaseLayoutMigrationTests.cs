using GuanGong.Domain.Cases;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Records;
using GuanGong.Functions.Tests.Builders;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.CaseStorage;

/// <summary>Cases stored in layout 1 (partition = case id, row "case") stay readable: they are moved at start-up.</summary>
public sealed class CaseLayoutMigrationTests
{
    private const string CampaignId = "camp-legacy";

    [Fact]
    public async Task RunAsync_LegacyRows_MovedAndReadableThroughTheStore()
    {
        var (tables, _) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var records = new[] { TreeBuilder.Unit1, TreeBuilder.Unit2 }.Select(u => CaseStoreTests.Case(CampaignId, u).Build()).ToList();
        foreach (var record in records)
        {
            await WriteLegacyAsync(tables, record);
        }

        var outcome = await CaseLayoutMigration.RunAsync(tables.Cases.Client, CancellationToken.None);

        Assert.Equal((false, 2), (outcome.AlreadyDone, outcome.Moved));
        var store = new CaseStore(tables);
        Assert.Equal(records[0], (await store.GetAsync(records[0].CaseId, CancellationToken.None))!.Value, CaseComparer);
        Assert.Equal(2, (await store.ListAsync(CampaignId, 2026, CancellationToken.None)).Count);
        Assert.False((await tables.Cases.Client.GetEntityIfExistsAsync<TableEntity>(records[0].CaseId, CaseKeys.LegacyRow)).HasValue);
    }

    [Fact]
    public async Task RunAsync_SecondRun_IsOnePointReadAndChangesNothing()
    {
        var (tables, requests) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        await WriteLegacyAsync(tables, CaseStoreTests.Case(CampaignId, TreeBuilder.Unit1).Build());
        await CaseLayoutMigration.RunAsync(tables.Cases.Client, CancellationToken.None);
        requests.Reset();

        var again = await CaseLayoutMigration.RunAsync(tables.Cases.Client, CancellationToken.None);

        Assert.True(again.AlreadyDone);
        Assert.Equal(1, requests.Total);
    }

    [Fact]
    public async Task RunAsync_CutOffAfterCopying_FinishesAndKeepsTheCopyItFound()
    {
        var (tables, _) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var record = CaseStoreTests.Case(CampaignId, TreeBuilder.Unit1).Build();
        await WriteLegacyAsync(tables, record);
        var store = new CaseStore(tables);
        await store.TryAddAsync(record with { State = record.State with { Status = CaseStatus.UnderReview } }, CancellationToken.None);

        var outcome = await CaseLayoutMigration.RunAsync(tables.Cases.Client, CancellationToken.None);

        Assert.Equal(1, outcome.Moved);
        Assert.Equal(CaseStatus.UnderReview, (await store.GetAsync(record.CaseId, CancellationToken.None))!.Value.State.Status);
        Assert.False((await tables.Cases.Client.GetEntityIfExistsAsync<TableEntity>(record.CaseId, CaseKeys.LegacyRow)).HasValue);
    }

    [Fact]
    public async Task RunAsync_LegacyKeyNotACaseNumber_LeftInPlaceAndMarkerStillWritten()
    {
        var (tables, _) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        await tables.Cases.Client.AddEntityAsync(new TableEntity("not-a-case", CaseKeys.LegacyRow) { ["CampaignId"] = CampaignId });

        var outcome = await CaseLayoutMigration.RunAsync(tables.Cases.Client, CancellationToken.None);

        Assert.Equal(["not-a-case"], outcome.NotCaseNumbers);
        Assert.True((await CaseLayoutMigration.RunAsync(tables.Cases.Client, CancellationToken.None)).AlreadyDone);
    }

    [Fact]
    public async Task AppStart_LegacyCases_ReadableOnceStarted()
    {
        var prefix = CaseTables.NewPrefix();
        var (tables, _) = await CaseTables.OpenAsync(prefix);
        var record = CaseStoreTests.Case(CampaignId, TreeBuilder.Unit1).Build();
        await WriteLegacyAsync(tables, record);

        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["GuanGong:Storage:TablePrefix"] = prefix });

        var stored = await app.Services.GetRequiredService<CaseStore>().GetAsync(record.CaseId, CancellationToken.None);
        Assert.Equal(record.UnitName, stored!.Value.UnitName);
    }

    // Exactly what layout 1 wrote: the record's JSON and columns at (case id, "case").
    private static Task WriteLegacyAsync(AppTables tables, CaseRecord record) =>
        tables.Cases.Client.AddEntityAsync(RecordTable<CaseRecord>.Write(record.CaseId, CaseKeys.LegacyRow, record, CaseStore.Columns(record)));

    private static readonly IEqualityComparer<CaseRecord> CaseComparer = EqualityComparer<CaseRecord>.Create(
        (a, b) => a is not null && b is not null && Domain.DomainJson.Serialize(a) == Domain.DomainJson.Serialize(b),
        c => c.CaseId.GetHashCode(StringComparison.Ordinal));
}
