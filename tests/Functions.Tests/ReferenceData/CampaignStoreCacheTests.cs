using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Tests.Builders;

namespace GuanGong.Functions.Tests.ReferenceData;

public sealed class CampaignStoreCacheTests
{
    [Fact]
    public async Task FindAsync_ChangedThroughThisHost_IsSeenAtOnce()
    {
        var hosts = await TwoHosts.StartAsync();
        var sut = CreateSut(hosts);
        var campaign = CampaignBuilder.Launched(SeededApp.NewCampaignId()) with { LaunchedAt = null, LaunchYear = null };
        Assert.Null(await sut.FindAsync(campaign.Settings.Id, CancellationToken.None));

        Assert.True(await sut.TryAddAsync(campaign, CancellationToken.None));
        Assert.Null((await sut.FindAsync(campaign.Settings.Id, CancellationToken.None))!.LaunchedAt);
        var stored = await sut.GetAsync(campaign.Settings.Id, CancellationToken.None);
        Assert.True(await sut.TryUpdateAsync(stored!, campaign with { LaunchedAt = hosts.Time.GetUtcNow(), LaunchYear = 2026 }, CancellationToken.None));

        Assert.Equal(2026, (await sut.FindAsync(campaign.Settings.Id, CancellationToken.None))!.LaunchYear);
    }

    [Fact]
    public async Task FindAsync_ChangedThroughAnotherHost_IsServedOldForLessThanTheBoundThenNew()
    {
        var hosts = await TwoHosts.StartAsync();
        var (sut, other) = (CreateSut(hosts), CreateSut(hosts));
        var campaign = CampaignBuilder.Launched(SeededApp.NewCampaignId()) with { LaunchedAt = null, LaunchYear = null };
        Assert.True(await other.TryAddAsync(campaign, CancellationToken.None));
        Assert.Null((await sut.FindAsync(campaign.Settings.Id, CancellationToken.None))!.LaunchYear);

        var stored = await other.GetAsync(campaign.Settings.Id, CancellationToken.None);
        Assert.True(await other.TryUpdateAsync(stored!, campaign with { LaunchedAt = hosts.Time.GetUtcNow(), LaunchYear = 2026 }, CancellationToken.None));
        hosts.Time.Advance(TwoHosts.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Null((await sut.FindAsync(campaign.Settings.Id, CancellationToken.None))!.LaunchYear);

        hosts.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2026, (await sut.FindAsync(campaign.Settings.Id, CancellationToken.None))!.LaunchYear);
    }

    [Fact]
    public async Task FindAsync_DeletedThroughAnotherHost_IsNotServedBeyondTheBound()
    {
        var hosts = await TwoHosts.StartAsync();
        var sut = CreateSut(hosts);
        var campaign = CampaignBuilder.Launched(SeededApp.NewCampaignId());
        Assert.True(await sut.TryAddAsync(campaign, CancellationToken.None));
        Assert.NotNull(await sut.FindAsync(campaign.Settings.Id, CancellationToken.None));
        var caseId = Functions.Cases.CaseIds.For(campaign.Settings.Id, 2026, "V1");
        Assert.NotNull(await sut.FindByCaseIdAsync(caseId, CancellationToken.None));

        await hosts.Tables.Campaigns.Client.DeleteEntityAsync("campaign", campaign.Settings.Id, cancellationToken: CancellationToken.None);
        hosts.Time.Advance(TwoHosts.MaxAge);

        Assert.Null(await sut.FindAsync(campaign.Settings.Id, CancellationToken.None));
        Assert.Null(await sut.FindByCaseIdAsync(caseId, CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_WithinTheBound_MakesNoStorageRequest()
    {
        var hosts = await TwoHosts.StartAsync();
        var sut = CreateSut(hosts);
        var campaign = CampaignBuilder.Launched(SeededApp.NewCampaignId());
        Assert.True(await sut.TryAddAsync(campaign, CancellationToken.None));
        await sut.FindAsync(campaign.Settings.Id, CancellationToken.None);
        hosts.Storage.RequestCounter.Reset();

        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(await sut.FindAsync(campaign.Settings.Id, CancellationToken.None));
        }

        Assert.Equal(0, hosts.Storage.RequestCounter.Total);
    }

    private static CampaignStore CreateSut(TwoHosts hosts) => new(hosts.Tables, hosts.Time, hosts.Configuration);
}
