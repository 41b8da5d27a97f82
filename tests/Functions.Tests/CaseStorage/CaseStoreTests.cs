using GuanGong.Domain.Cases;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Tests.Builders;
using Azure.Data.Tables;

namespace GuanGong.Functions.Tests.CaseStorage;

public sealed class CaseStoreTests
{
    private const string CampaignId = "camp-store";

    [Fact]
    public async Task TryAddAsync_Case_StoredInItsCampaignYearPartitionKeyedByCaseId()
    {
        var (tables, _) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var record = Case(CampaignId, TreeBuilder.Unit1, 2027).Build();

        Assert.True(await new CaseStore(tables).TryAddAsync(record, CancellationToken.None));

        var row = await tables.Cases.Client.GetEntityAsync<TableEntity>($"{CaseIds.Tag(CampaignId)}-2027", record.CaseId);
        Assert.Equal(CampaignId, row.Value.GetString("CampaignId"));
        Assert.Equal(2027, row.Value.GetInt32("Year"));
    }

    [Fact]
    public async Task GetAsync_StoredCase_IsOnePointRead()
    {
        var (tables, requests) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var store = new CaseStore(tables);
        var record = Case(CampaignId, TreeBuilder.Unit2).Build();
        await store.TryAddAsync(record, CancellationToken.None);
        requests.Reset();

        var stored = await store.GetAsync(record.CaseId, CancellationToken.None);

        Assert.Equal(record.CaseId, stored!.Value.CaseId);
        Assert.Equal(1, requests.Total);
    }

    [Fact]
    public async Task GetAsync_NotACaseNumber_ReturnsNullWithoutAsking()
    {
        var (tables, requests) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        requests.Reset();

        Assert.Null(await new CaseStore(tables).GetAsync("nonsense", CancellationToken.None));
        Assert.Equal(0, requests.Total);
    }

    [Fact]
    public async Task ListAsync_Year_ReturnsOnlyThatCampaignsCasesOfThatYear()
    {
        var (tables, _) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var store = new CaseStore(tables);
        await store.TryAddAsync(Case(CampaignId, TreeBuilder.Unit1, 2026).Build(), CancellationToken.None);
        await store.TryAddAsync(Case(CampaignId, TreeBuilder.Unit2, 2026).Build(), CancellationToken.None);
        await store.TryAddAsync(Case(CampaignId, TreeBuilder.Unit1, 2027).Build(), CancellationToken.None);
        await store.TryAddAsync(Case("camp-other", TreeBuilder.Unit1, 2026).Build(), CancellationToken.None);

        var cases = await store.ListAsync(CampaignId, 2026, CancellationToken.None);

        Assert.Equal([TreeBuilder.Unit1, TreeBuilder.Unit2], cases.Select(c => c.UnitCode).Order(StringComparer.Ordinal));
        Assert.All(cases, c => Assert.Equal((CampaignId, 2026), (c.CampaignId, c.Year)));
    }

    [Fact]
    public async Task ListAsync_NoYear_ReturnsEveryYearOfTheCampaignOnly()
    {
        var (tables, _) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var store = new CaseStore(tables);
        await store.TryAddAsync(Case(CampaignId, TreeBuilder.Unit1, 2026).Build(), CancellationToken.None);
        await store.TryAddAsync(Case(CampaignId, TreeBuilder.Unit1, 2028).Build(), CancellationToken.None);
        await store.TryAddAsync(Case("camp-other", TreeBuilder.Unit1, 2027).Build(), CancellationToken.None);

        var cases = await store.ListAsync(CampaignId, null, CancellationToken.None);

        Assert.Equal([2026, 2028], cases.Select(c => c.Year).Order());
    }

    [Fact]
    public async Task UpdateAsync_StoredCase_ChangesTheRowInPlace()
    {
        var (tables, _) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var store = new CaseStore(tables);
        var record = Case(CampaignId, TreeBuilder.Unit3).Build();
        await store.TryAddAsync(record, CancellationToken.None);

        await store.UpdateAsync(record.CaseId, c => c with { State = c.State with { Status = CaseStatus.UnderReview } }, CancellationToken.None);

        Assert.Equal(CaseStatus.UnderReview, (await store.GetAsync(record.CaseId, CancellationToken.None))!.Value.State.Status);
        var row = await tables.Cases.Client.GetEntityAsync<TableEntity>(CaseKeys.PartitionOf(record.CaseId)!, record.CaseId);
        Assert.Equal(nameof(CaseStatus.UnderReview), row.Value.GetString("Status"));
    }

    internal static CaseBuilder Case(string campaignId, string unitCode, int year = 2026) => new(TreeBuilder.Standard(), campaignId, year, unitCode);
}
