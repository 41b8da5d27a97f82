using GuanGong.Domain.Cases;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Tests.Builders;

namespace GuanGong.Functions.Tests.CaseStorage;

/// <summary>The year listing through <see cref="CaseStore"/>'s per-process cache, with two hosts on one Azurite.</summary>
public sealed class CaseYearCacheTests
{
    private const string CampaignId = "camp-cache";

    [Fact]
    public async Task ListAsync_CaseChangedAndAddedByAnotherHost_ShowsInTheNextRead()
    {
        var prefix = CaseTables.NewPrefix();
        var here = new CaseStore((await CaseTables.OpenAsync(prefix)).Tables);
        var there = new CaseStore((await CaseTables.OpenAsync(prefix)).Tables);
        var first = CaseStoreTests.Case(CampaignId, TreeBuilder.Unit1).Build();
        await here.TryAddAsync(first, CancellationToken.None);
        Assert.Equal(CaseStatus.Submitted, Assert.Single(await here.ListAsync(CampaignId, 2026, CancellationToken.None)).State.Status);

        await there.UpdateAsync(first.CaseId, c => c with { State = c.State with { Status = CaseStatus.Passed } }, CancellationToken.None);
        await there.TryAddAsync(CaseStoreTests.Case(CampaignId, TreeBuilder.Unit2).Build(), CancellationToken.None);
        var cases = await here.ListAsync(CampaignId, 2026, CancellationToken.None);

        Assert.Equal(2, cases.Count);
        Assert.Equal(CaseStatus.Passed, cases.Single(c => c.CaseId == first.CaseId).State.Status);
        Assert.Equal(CaseStatus.Submitted, cases.Single(c => c.UnitCode == TreeBuilder.Unit2).State.Status);
    }

    [Fact]
    public async Task ListAsync_WarmYear_CostsOneQuery()
    {
        var (tables, requests) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var store = new CaseStore(tables);
        foreach (var unit in new[] { TreeBuilder.Unit1, TreeBuilder.Unit2, TreeBuilder.Unit3, TreeBuilder.Unit4 })
        {
            await store.TryAddAsync(CaseStoreTests.Case(CampaignId, unit).Build(), CancellationToken.None);
        }

        await store.ListAsync(CampaignId, 2026, CancellationToken.None);
        requests.Reset();
        var cases = await store.ListAsync(CampaignId, 2026, CancellationToken.None);

        Assert.Equal(4, cases.Count);
        Assert.Equal(1, requests.Total);
        Assert.Equal(1, requests.Get("Table", "QueryEntities"));
    }

    [Fact]
    public async Task ListAsync_ManyReadersAtOnce_EachSeesEveryCaseAndTheyShareQueries()
    {
        var (tables, requests) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var store = new CaseStore(tables);
        await store.TryAddAsync(CaseStoreTests.Case(CampaignId, TreeBuilder.Unit1).Build(), CancellationToken.None);
        await store.TryAddAsync(CaseStoreTests.Case(CampaignId, TreeBuilder.Unit4).Build(), CancellationToken.None);
        requests.Reset();

        var reads = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => store.ListAsync(CampaignId, 2026, CancellationToken.None)));

        Assert.All(reads, cases => Assert.Equal(2, cases.Count));
        Assert.InRange(requests.Get("Table", "QueryEntities"), 1, 16);
    }

    [Fact]
    public async Task ListAsync_ReturnedList_IsTheCallersOwnCopy()
    {
        var (tables, _) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var store = new CaseStore(tables);
        await store.TryAddAsync(CaseStoreTests.Case(CampaignId, TreeBuilder.Unit1).Build(), CancellationToken.None);
        var first = await store.ListAsync(CampaignId, 2026, CancellationToken.None);
        await store.TryAddAsync(CaseStoreTests.Case(CampaignId, TreeBuilder.Unit2).Build(), CancellationToken.None);

        await store.ListAsync(CampaignId, 2026, CancellationToken.None);

        Assert.Single(first);
    }

    [Fact]
    public async Task ListAsync_QuietSinceTheLastRead_FetchesNoRowsThenOnlyTheChangedOne()
    {
        var prefix = CaseTables.NewPrefix();
        var (tables, _) = await CaseTables.OpenAsync(prefix);
        var store = new CaseStore(tables);
        foreach (var unit in new[] { TreeBuilder.Unit1, TreeBuilder.Unit2, TreeBuilder.Unit3 })
        {
            await store.TryAddAsync(CaseStoreTests.Case(CampaignId, unit).Build(), CancellationToken.None);
        }

        // No margin, so the window is only the service's one-second Date granularity: wait past it once.
        var cache = new CaseYearCache(tables.Cases.Client, TimeSpan.Zero);
        var partition = CaseKeys.Partition(CampaignId, 2026);
        await cache.ListAsync(partition, CancellationToken.None);
        Assert.Equal(3, cache.LastFetched);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await cache.ListAsync(partition, CancellationToken.None);

        await cache.ListAsync(partition, CancellationToken.None);
        Assert.Equal(0, cache.LastFetched);

        await new CaseStore((await CaseTables.OpenAsync(prefix)).Tables).TryAddAsync(CaseStoreTests.Case(CampaignId, TreeBuilder.Unit4).Build(), CancellationToken.None);
        var cases = await cache.ListAsync(partition, CancellationToken.None);
        Assert.Equal(1, cache.LastFetched);
        Assert.Equal(4, cases.Count);
    }
}
