using Microsoft.Azure.Functions.Worker;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Scoring;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// Re-rates a township under the "≥ X% of its units" rule after every verdict that bears on it: a
/// grassroots unit's verdict re-rates its township, a township's own verdict re-rates that township.
/// It is rated only if it passed itself and enough of its grassroots units have passed.
/// </summary>
public sealed class UpdateTownshipRatingActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.UpdateTownshipRating)]
    public async Task<TownshipRating?> RunAsync([ActivityTrigger] string input)
    {
        var ct = CancellationToken.None;
        var @case = await services.GetCaseAsync(input, ct);
        var tree = await services.Directory.GetTreeAsync(ct);
        var township = tree.Find(@case.UnitCode) is { Level: CommitteeLevel.Township } own ? own : TownshipRule.TownshipOf(tree, @case.UnitCode);
        var campaign = await services.Campaigns.FindAsync(@case.CampaignId, ct);
        if (township is null || campaign is null)
        {
            return null;
        }

        var cases = await services.Cases.ListAsync(@case.CampaignId, @case.Year, ct);
        var passed = cases.Where(c => c.State.Status == CaseStatus.Passed).Select(c => c.UnitCode).ToHashSet(StringComparer.Ordinal);
        var ownCase = cases.FirstOrDefault(c => c.UnitCode == township.Code);
        bool? townshipPassed = ownCase?.State.Status switch
        {
            CaseStatus.Passed => true,
            CaseStatus.Failed or CaseStatus.Revoked or CaseStatus.Withdrawn => false,
            _ => null,
        };
        var rating = TownshipRule.Evaluate(tree, township.Code, townshipPassed, passed, campaign.Settings.TownshipUnitShare);
        await services.Tables.Ratings.UpsertAsync(
            @case.CampaignId,
            $"{@case.Year}-{township.Code}",
            new TownshipRatingRecord(TownshipRatingRecord.CurrentSchemaVersion, @case.CampaignId, @case.Year, rating, services.Time.GetUtcNow()),
            cancellationToken: ct);
        return rating;
    }
}
