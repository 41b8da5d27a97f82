using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Statistics;

/// <summary>The figures of one year of a multi-year campaign, all cumulative (<see cref="PassRates.ForCampaignYear"/>).</summary>
/// <param name="Year">The year reported.</param>
/// <param name="Target">The cumulative target share in force at the end of the year (0% before the first target).</param>
/// <param name="Figures">Established, assessed, passed, 达标率, 达标面 and progress against <paramref name="Target"/>, per subtree.</param>
/// <param name="Due">The units whose target year has come, and how many of them passed.</param>
/// <param name="ByKind">The figures per kind of unit, each with its own target progress when the campaign gives the kind a series.</param>
/// <param name="Standings">Each unit's standing (units without a case are not listed: they are not assessed).</param>
public sealed record CampaignYearFigures(
    int Year,
    Percentage Target,
    SubtreeFigures Figures,
    TargetYearFigures Due,
    IReadOnlyList<KindFigures> ByKind,
    IReadOnlyDictionary<string, UnitStanding> Standings)
{
    /// <summary>The figures of one kind, or null when the subtree has none of it.</summary>
    /// <param name="kind">The kind.</param>
    public KindFigures? Kind(CommitteeKind kind) => ByKind.FirstOrDefault(k => k.Kind == kind);
}
