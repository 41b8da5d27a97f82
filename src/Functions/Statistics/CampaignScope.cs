using GuanGong.Domain.Cases;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;

namespace GuanGong.Functions.Statistics;

/// <summary>
/// One campaign year seen from one committee: the subtree under <see cref="Root"/> and, for each
/// unit in it, its latest case of that year (a unit returned and resubmitted still has one case; a
/// withdrawn case followed by a new one counts as the new one), with <see cref="EarlierCases"/> the
/// cases of the campaign's earlier years, for the cumulative standing (三年创建: a unit that passed in
/// year 1 stays passed in years 2 and 3 until a look-back revokes it).
/// </summary>
public sealed record CampaignScope(CampaignRecord Campaign, OrganisationTree Tree, string Root, int Year, IReadOnlyDictionary<string, CaseRecord> LatestCases)
{
    /// <summary>The subtree's cases of the years before <see cref="Year"/> (empty in the first year).</summary>
    public IReadOnlyList<CaseRecord> EarlierCases { get; init; } = [];

    /// <summary>The grassroots units under <see cref="Root"/> without a committee yet (组建率's 应建 only).</summary>
    public IReadOnlyList<Committee> WithoutCommittee { get; init; } = [];

    /// <summary>The campaign's own name for its standard (六好基层关工委…), for headers.</summary>
    public string StandardName { get; init; } = Standards.StandardNames.NoCampaign;

    /// <summary>Every case up to <see cref="Year"/> as the standing rule reads it.</summary>
    public IEnumerable<UnitCase> UnitCases => EarlierCases.Where(c => c.Year < Year).Concat(LatestCases.Values).Select(ToUnitCase);

    /// <summary>Each unit's cumulative standing at the end of <see cref="Year"/>.</summary>
    public IReadOnlyDictionary<string, UnitStanding> Standings() => Domain.Statistics.Standings.AsOf(UnitCases, Year);

    /// <summary>
    /// A stored case as the standing rule reads it: a look-back's order counts from the campaign year of the look-back
    /// (a revocation recorded without one, from the China-time year it was made in).
    /// </summary>
    public static UnitCase ToUnitCase(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new UnitCase(record.UnitCode, record.Year, record.State, record.Round)
        {
            RevokedInYear = record.State.Status == CaseStatus.Revoked ? record.LookBack?.Year ?? ChinaTime.DateOf(record.UpdatedAt).Year : null,
            LookBackInYear = record.LookBack?.Year,
        };
    }
}
