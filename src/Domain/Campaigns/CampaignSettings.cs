using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Campaigns;

/// <summary>
/// A campaign (创建活动): a standard pinned by version and content hash, a period (often three years), yearly targets
/// as shares, each unit's target year, the acceptance chain's review stages and their deadlines, the look-back ratio
/// and the township rule's share. Persisted as JSON; check with <see cref="CampaignValidator"/>.
/// </summary>
/// <param name="SchemaVersion">Version of this JSON shape; <see cref="CurrentSchemaVersion"/> today.</param>
/// <param name="Id">Stable identifier, e.g. <c>km-2025-five-good</c>.</param>
/// <param name="Name">Name in Chinese, e.g. 2025—2027年“五好基层关工委”创建活动.</param>
/// <param name="OrganiserCode">The committee running the campaign (the root of the subtree it covers).</param>
/// <param name="StartYear">First year of the period.</param>
/// <param name="EndYear">Last year of the period (inclusive).</param>
/// <param name="Template">The pinned standard.</param>
/// <param name="YearTargets">Cumulative targets per year, non-decreasing.</param>
/// <param name="UnitTargetYears">Each unit's target year; units not listed have none yet.</param>
/// <param name="ReviewStageCount">Review stages after self-assessment (2: parent review, grandparent verdict).</param>
/// <param name="StageLadders">Deadline ladder per review stage, stage 1 first; when shorter than the stage count, the last applies to the rest.</param>
/// <param name="LookBackShare">Share of passed units spot-checked in a look-back (回头看).</param>
/// <param name="TownshipUnitShare">The township rule: share of a township's grassroots units that must pass for it to be rated.</param>
public sealed record CampaignSettings(
    int SchemaVersion,
    string Id,
    string Name,
    string OrganiserCode,
    int StartYear,
    int EndYear,
    TemplatePin Template,
    IReadOnlyList<YearTarget> YearTargets,
    IReadOnlyList<UnitTargetYear> UnitTargetYears,
    int ReviewStageCount,
    IReadOnlyList<EscalationLadder> StageLadders,
    Percentage LookBackShare,
    Percentage TownshipUnitShare)
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The deadline ladder of review stage <paramref name="stage"/> (1-based).</summary>
    /// <param name="stage">1..<see cref="ReviewStageCount"/>.</param>
    public EscalationLadder LadderForStage(int stage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stage, ReviewStageCount);
        return StageLadders[Math.Min(stage, StageLadders.Count) - 1];
    }

    /// <summary>
    /// The cumulative target in force at the end of <paramref name="year"/>: the latest target due in or before that year;
    /// 0% before the first one.
    /// </summary>
    /// <param name="year">The year.</param>
    public Percentage TargetFor(int year) =>
        YearTargets.Where(t => t.Year <= year).OrderBy(t => t.Year).Select(t => t.Share).LastOrDefault();

    /// <summary>The unit's target year, or null when none was set.</summary>
    /// <param name="unitCode">The committee code.</param>
    public int? TargetYearOf(string unitCode) =>
        UnitTargetYears.FirstOrDefault(u => u.UnitCode == unitCode)?.Year;
}
