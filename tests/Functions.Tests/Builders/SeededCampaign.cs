using GuanGong.Domain;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Records;
using GuanGong.Functions.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Builders;

/// <summary>
/// A launched campaign in 2026 with one unit passed (LG-T1-V1, reviewed 90), one failed (LG-T1-V2,
/// escalated), one late with the township (LG-T1-V3, opened 30 days ago, due 20 days ago) and one
/// not assessed (LG-T2-V1); LG-T1 rated, as the rule's activity would have stored it.
/// </summary>
internal static class SeededCampaign
{
    public static readonly DateTimeOffset DecidedAt = new(2026, 4, 10, 7, 30, 0, TimeSpan.Zero);

    public static async Task<string> SeedAsync(SeededApp app)
    {
        var campaignId = SeededApp.NewCampaignId();
        await app.SeedCampaignAsync(CampaignBuilder.Launched(campaignId));
        await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit1).InState(CaseStatus.Passed, 2)
            .WithOutcome(1, ReviewAction.Approve, 92m, DecidedAt.AddDays(-5))
            .WithOutcome(2, ReviewAction.Approve, 90m, DecidedAt)
            .WithVerdict());
        await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit2).SelfScoring(3m).InState(CaseStatus.Failed, 2)
            .WithOutcome(1, ReviewAction.Approve, 62m, DecidedAt.AddDays(-6), escalated: true)
            .WithOutcome(2, ReviewAction.Reject, 60m, DecidedAt.AddDays(-1))
            .WithVerdict());
        var now = TimeProvider.System.GetUtcNow();
        await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit3).InState(CaseStatus.UnderReview, 1)
            .WithTask(TreeBuilder.Township1, now.AddDays(-30), now.AddDays(-20)));
        var rating = new TownshipRating(TreeBuilder.Township1, true, true, 1, 3, new Percentage(60), 2, []);
        await app.Services.GetRequiredService<AppTables>().Ratings.UpsertAsync(
            campaignId, $"2026-{TreeBuilder.Township1}", new TownshipRatingRecord(TownshipRatingRecord.CurrentSchemaVersion, campaignId, 2026, rating, DecidedAt));
        return campaignId;
    }
}
