using GuanGong.Functions.Records;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>The "≥ X% of its units" rule, re-evaluated on every verdict, on the running app (share 50%, two villages).</summary>
public sealed class TownshipRatingEndToEndTests
{
    [Fact]
    public async Task Township_PassedItselfButTooFewUnits_NotRatedUntilEnoughUnitsPass()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.SetUpCountyAsync(villages: 2);

        // The township's own case is decided by the county ("县关工委负责考核乡镇"): one stage, no city.
        await PassAsync(app, smtp, contact: "town@example.cn", unitName: "城关镇", reviewers: ["county@example.cn"]);
        var afterTownship = await RatingAsync(app);
        Assert.False(afterTownship.Rated);
        Assert.True(afterTownship.SelfPassed);
        Assert.Equal(0, afterTownship.UnitsPassed);
        Assert.Equal(2, afterTownship.UnitsTotal);

        // One of two villages passes: 50% meets the 50% share, so the township is rated now.
        await PassAsync(app, smtp, contact: "village1@example.cn", unitName: "第1村", reviewers: ["town@example.cn", "county@example.cn"]);
        var afterVillage = await RatingAsync(app);
        Assert.True(afterVillage.Rated);
        Assert.Equal(1, afterVillage.UnitsPassed);
        Assert.Equal(1, afterVillage.UnitsRequired);
    }

    private static async Task PassAsync(RunningApp app, SmtpSink smtp, string contact, string unitName, string[] reviewers)
    {
        var token = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains(contact) && m.Subject.StartsWith("请填报", StringComparison.Ordinal))).LinkWith("/u/"));
        (await app.SubmitAsync(token)).EnsureSuccessStatusCode();
        foreach (var reviewer in reviewers)
        {
            var task = await smtp.WaitForAsync(m => m.To.Contains(reviewer) && m.Subject.StartsWith("请审核", StringComparison.Ordinal) && m.Subject.Contains(unitName, StringComparison.Ordinal));
            (await app.DecideAsync(task.LinkWith("/r/"), "Approve", "同意。")).EnsureSuccessStatusCode();
        }

        await smtp.WaitForAsync(m => m.To.Contains(contact) && m.Subject.Contains("验收结果", StringComparison.Ordinal));
    }

    private static async Task<Domain.Scoring.TownshipRating> RatingAsync(RunningApp app)
    {
        var tables = app.Services.GetRequiredService<AppTables>();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            // The rating is written just after the verdict email: wait for it to settle.
            if (await tables.Ratings.GetAsync(SampleCounty.CampaignId, "2026-T1", CancellationToken.None) is { } stored
                && stored.Value.Rating.UnitsPassed == (await PassedUnitsAsync(app)))
            {
                return stored.Value.Rating;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The township rating was not written.");
    }

    private static async Task<int> PassedUnitsAsync(RunningApp app)
    {
        var cases = await app.Services.GetRequiredService<Cases.CaseStore>().ListAsync(SampleCounty.CampaignId, 2026, CancellationToken.None);
        return cases.Count(c => c.UnitCode.StartsWith('V') && c.State.Status == Domain.Cases.CaseStatus.Passed);
    }
}
