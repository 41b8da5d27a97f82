using Microsoft.Azure.Functions.Worker;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Statistics;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// Re-rates a township under the "≥ X% of its villages, communities and schools" rule (the campaign's counted kinds) after every verdict that bears on it: a
/// grassroots unit's verdict re-rates its township, a township's own verdict re-rates that township.
/// It is rated only if it passed itself and enough of its counted units stand passed (cumulative over the campaign's years).
/// </summary>
public sealed class UpdateTownshipRatingActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.UpdateTownshipRating)]
    public async Task<TownshipRating?> RunAsync([ActivityTrigger] string input)
    {
        var @case = await services.GetCaseAsync(input, CancellationToken.None);
        return await RateAsync(@case, @case.Year, CancellationToken.None);
    }

    /// <summary>
    /// Re-rates the township <paramref name="case"/> bears on, as of <paramref name="year"/> (a look-back in a later year
    /// re-rates that year), and stores the rating.
    /// </summary>
    public async Task<TownshipRating?> RateAsync(CaseRecord @case, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var tree = await services.Directory.GetTreeAsync(ct);
        var township = tree.Find(@case.UnitCode) is { Level: CommitteeLevel.Township } own ? own : TownshipRule.TownshipOf(tree, @case.UnitCode);
        var campaign = await services.Campaigns.FindAsync(@case.CampaignId, ct);
        if (township is null || campaign is null)
        {
            return null;
        }

        // Standing is cumulative: a unit that passed in an earlier year of the campaign still counts.
        var settings = campaign.Settings;
        var cases = new List<CaseRecord>();
        for (var y = settings.StartYear; y <= year; y++)
        {
            cases.AddRange(await services.Cases.ListAsync(@case.CampaignId, y, ct));
        }

        var standings = Standings.AsOf(cases.Select(Statistics.CampaignScope.ToUnitCase), year);
        var passed = standings.Where(s => s.Value.Status == UnitStatus.Passed).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        bool? townshipPassed = standings.GetValueOrDefault(township.Code)?.Status switch
        {
            UnitStatus.Passed => true,
            UnitStatus.Failed or UnitStatus.Revoked => false,
            _ => null,
        };
        var rating = TownshipRule.Evaluate(tree, township.Code, townshipPassed, passed, settings.TownshipUnitShare, settings.CountedKinds);
        await services.Tables.Ratings.UpsertAsync(
            @case.CampaignId,
            $"{year}-{township.Code}",
            new TownshipRatingRecord(TownshipRatingRecord.CurrentSchemaVersion, @case.CampaignId, year, rating, services.Time.GetUtcNow()),
            cancellationToken: ct);
        return rating;
    }
}
