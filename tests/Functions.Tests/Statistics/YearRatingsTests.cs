using GuanGong.Domain;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Statistics;
using GuanGong.Functions.Tests.Builders;
using GuanGong.Functions.Tests.CaseStorage;

namespace GuanGong.Functions.Tests.Statistics;

public sealed class YearRatingsTests
{
    [Fact]
    public async Task ListAsync_RatingsOfSeveralYearsAndCampaigns_ReturnsOnlyThatCampaignYear()
    {
        var (tables, _) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        foreach (var (campaign, year, township) in new[] { ("c1", 2026, TreeBuilder.Township1), ("c1", 2026, TreeBuilder.Township2), ("c1", 2027, TreeBuilder.Township1), ("c2", 2026, TreeBuilder.Township1) })
        {
            var rating = new TownshipRating(township, true, true, 1, 3, new Percentage(60), 2, []);
            await tables.Ratings.UpsertAsync(campaign, $"{year}-{township}", new TownshipRatingRecord(TownshipRatingRecord.CurrentSchemaVersion, campaign, year, rating, DateTimeOffset.UnixEpoch));
        }

        var ratings = await YearRatings.ListAsync(tables, "c1", 2026, CancellationToken.None);

        Assert.Equal([TreeBuilder.Township1, TreeBuilder.Township2], ratings.Select(r => r.Rating.TownshipCode).Order(StringComparer.Ordinal));
        Assert.All(ratings, r => Assert.Equal(("c1", 2026), (r.CampaignId, r.Year)));
    }
}
