using GuanGong.Functions.Organisations;
using GuanGong.Functions.Tests.Builders;

namespace GuanGong.Functions.Tests.ReferenceData;

public sealed class CommitteeDirectoryCacheTests
{
    [Fact]
    public async Task GetTreeAsync_ImportedThroughAnotherHost_IsSeenWithinTheBound()
    {
        var hosts = await TwoHosts.StartAsync();
        var (sut, other) = (CreateSut(hosts), CreateSut(hosts));
        await other.ReplaceAsync(TreeBuilder.Standard(), CancellationToken.None);
        var before = (await sut.GetTreeAsync(CancellationToken.None)).Committees.Count;
        var smaller = Domain.Organisations.OrganisationTree.Build([.. TreeBuilder.Standard().Committees.Where(c => c.Code != TreeBuilder.Unit1)]).Value;

        await other.ReplaceAsync(smaller, CancellationToken.None);
        hosts.Time.Advance(TwoHosts.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Equal(before, (await sut.GetTreeAsync(CancellationToken.None)).Committees.Count);
        hosts.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.False((await sut.GetTreeAsync(CancellationToken.None)).Contains(TreeBuilder.Unit1));
        Assert.True((await other.GetTreeAsync(CancellationToken.None)).Contains(TreeBuilder.Unit2));
    }

    [Fact]
    public async Task GetTreeAsync_UnchangedPastTheBound_ChecksWithOnePointReadNotTheWholeTree()
    {
        var hosts = await TwoHosts.StartAsync();
        var sut = CreateSut(hosts);
        await sut.ReplaceAsync(TreeBuilder.Standard(), CancellationToken.None);
        hosts.Storage.RequestCounter.Reset();

        await sut.GetTreeAsync(CancellationToken.None);
        hosts.Time.Advance(TwoHosts.MaxAge);
        var tree = await sut.GetTreeAsync(CancellationToken.None);

        Assert.True(tree.Contains(TreeBuilder.Unit1));
        Assert.Equal(1, hosts.Storage.RequestCounter.Get("Table", "GetEntity"));
        Assert.Equal(1, hosts.Storage.RequestCounter.Total);
    }

    [Fact]
    public async Task GetTreeAsync_StoredBeforeVersionRowsExisted_IsReadAgainEveryBound()
    {
        var hosts = await TwoHosts.StartAsync();
        foreach (var committee in TreeBuilder.Standard().Committees)
        {
            await hosts.Tables.Committees.UpsertAsync("committee", committee.Code, committee);
        }

        var sut = CreateSut(hosts);
        Assert.True((await sut.GetTreeAsync(CancellationToken.None)).Contains(TreeBuilder.Unit1));
        await hosts.Tables.Committees.Client.DeleteEntityAsync("committee", TreeBuilder.Unit4, cancellationToken: CancellationToken.None);
        hosts.Time.Advance(TwoHosts.MaxAge);

        Assert.False((await sut.GetTreeAsync(CancellationToken.None)).Contains(TreeBuilder.Unit4));
    }

    private static CommitteeDirectory CreateSut(TwoHosts hosts) => new(hosts.Tables, hosts.Time, hosts.Configuration);
}
