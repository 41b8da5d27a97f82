using System.Net;
using GuanGong.Domain.Cases;
using GuanGong.Functions.Records;
using GuanGong.Functions.Tests.Campaigns;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>
/// Who assesses whom ("县关工委负责考核乡镇、街道、教育局关工委"): a county campaign with no city above it invites its
/// townships, the county decides a township's own case in one stage, and the township is rated by the campaign's kinds.
/// </summary>
public sealed class CountyWithoutCityEndToEndTests
{
    [Fact]
    public async Task CountyCampaignWithoutCity_TownshipInvitedDecidedByCountyAndRated()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(SampleCounty.Campaign(), villages: 2, withCity: false);
        var launched = await app.LaunchAsync(2026);
        Assert.DoesNotContain("T1", CampaignApi.NotInvited(launched).Keys);

        // The township's own case: one stage, the county's verdict (验收).
        var townToken = await smtp.InvitationTokenAsync("town@example.cn", 2026);
        var caseId = await app.PassAsync(smtp, townToken, "城关镇", "county@example.cn");
        var passed = await app.CaseAsync(caseId);
        Assert.Equal(1, passed.GetProperty("reviewStageCount").GetInt32());
        Assert.Single(passed.GetProperty("decisions").EnumerateArray());
        var countyTask = Assert.Single(smtp.Messages, m => m.To.Contains("county@example.cn") && m.Subject.Contains("城关镇", StringComparison.Ordinal));
        Assert.Contains("验收", countyTask.Subject, StringComparison.Ordinal);

        // One village of two passes: 50% of the counted kinds (村、社区、学校) meets the share.
        await app.PassVillageAsync(smtp, 1, 2026);
        var rating = await RatingAsync(app, r => r.UnitsPassed == 1);
        Assert.True(rating.Rated);
        Assert.Equal("村、社区、学校", rating.CountedKindsText);

        var (status, statistics) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/statistics?year=2026");
        Assert.Equal(HttpStatusCode.OK, status);
        var shown = Assert.Single(statistics.GetProperty("townshipRatings").EnumerateArray(), r => r.GetProperty("townshipCode").GetString() == "T1");
        Assert.Equal("村、社区、学校", shown.GetProperty("countedKindsText").GetString());
        Assert.Equal(CaseStatus.Passed.ToString(), passed.GetProperty("status").GetString());
    }

    private static async Task<Domain.Scoring.TownshipRating> RatingAsync(RunningApp app, Func<Domain.Scoring.TownshipRating, bool> settled)
    {
        var tables = app.Services.GetRequiredService<AppTables>();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await tables.Ratings.GetAsync(SampleCounty.CampaignId, "2026-T1", CancellationToken.None) is { } stored && settled(stored.Value.Rating))
            {
                return stored.Value.Rating;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The township rating was not written.");
    }
}
