using System.Text.Json.Serialization;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Campaigns;

/// <summary>
/// A campaign (创建活动): a standard pinned by version and content hash, a period (often three years), yearly targets
/// as cumulative shares, each unit's target year, the deadlines of its review stages, the look-back ratio and the
/// township rule (its share and the kinds it counts). Optional: the standard's own name for headers and mails, and
/// guidance by type (分类指导: a scoring sheet and a target series per unit kind). Persisted as JSON; check with
/// <see cref="CampaignValidator"/>.
/// </summary>
/// <remarks>
/// <para>Schema versions. 1: the positional members only; every subject's chain had <see cref="ReviewStageCount"/>
/// stages. 2 (issue 15): adds the optional <see cref="TownshipRuleKinds"/>, <see cref="StandardName"/>,
/// <see cref="KindTemplates"/> and <see cref="KindTargets"/>, and the chain follows the subject's level
/// (<see cref="OrganisationTree.AcceptanceChain(string)"/>), <see cref="ReviewStageCount"/> being the stages of a
/// grassroots unit's chain (the ladders are indexed by it). A version 1 document reads unchanged with the new members
/// absent (their defaults apply); <see cref="Upgrade"/> marks it version 2.</para>
/// </remarks>
/// <param name="SchemaVersion">Version of this JSON shape; <see cref="CurrentSchemaVersion"/> today.</param>
/// <param name="Id">Stable identifier, e.g. <c>km-2025-five-good</c>.</param>
/// <param name="Name">Name in Chinese, e.g. 2025—2027年“五好基层关工委”创建活动.</param>
/// <param name="OrganiserCode">The committee running the campaign (the root of the subtree it covers).</param>
/// <param name="StartYear">First year of the period.</param>
/// <param name="EndYear">Last year of the period (inclusive).</param>
/// <param name="Template">The pinned standard.</param>
/// <param name="YearTargets">Cumulative targets per year, non-decreasing.</param>
/// <param name="UnitTargetYears">Each unit's target year; units not listed have none yet.</param>
/// <param name="ReviewStageCount">Review stages of a grassroots unit's chain (2: township review, county verdict); the ladders are indexed by it.</param>
/// <param name="StageLadders">Deadline ladder per review stage, stage 1 first; when shorter than the stage count, the last applies to the rest. A chain's verdict stage always takes the verdict ladder (<see cref="LadderFor"/>).</param>
/// <param name="LookBackShare">Share of passed units spot-checked in a look-back (回头看).</param>
/// <param name="TownshipUnitShare">The township rule: share of a township's counted units (<see cref="CountedKinds"/>) that must pass for it to be rated.</param>
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
    /// <summary>The schema version this code writes; it reads 1 and 2.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>The oldest schema version this code reads.</summary>
    public const int OldestReadableSchemaVersion = 1;

    /// <summary>The kinds the township rule counts when the campaign names none: 村、社区、学校 ("≥ xx% of its villages, communities and schools").</summary>
    public static IReadOnlyList<CommitteeKind> DefaultTownshipRuleKinds { get; } = [CommitteeKind.Village, CommitteeKind.Community, CommitteeKind.School];

    /// <summary>
    /// The kinds of grassroots unit the township rule counts (schema 2); null means <see cref="DefaultTownshipRuleKinds"/>.
    /// Enterprises and 机关 are not counted unless the organiser says so.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CommitteeKind>? TownshipRuleKinds { get; init; }

    /// <summary>
    /// The campaign's own name for its standard, for page headers and mails, e.g. 六好基层关工委 (schema 2); null means the
    /// pinned template's <see cref="StandardTemplate.StandardName"/>. See <see cref="StandardNameFor"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StandardName { get; init; }

    /// <summary>Guidance by type (分类指导, schema 2): a scoring sheet for some unit kinds; the others use <see cref="Template"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<KindTemplate>? KindTemplates { get; init; }

    /// <summary>Guidance by type (分类指导, schema 2): a cumulative target series for some unit kinds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<KindTargetSeries>? KindTargets { get; init; }

    /// <summary>The kinds the township rule counts: <see cref="TownshipRuleKinds"/> or the default 村、社区、学校.</summary>
    [JsonIgnore]
    public IReadOnlyList<CommitteeKind> CountedKinds => TownshipRuleKinds is { Count: > 0 } kinds ? kinds : DefaultTownshipRuleKinds;

    /// <summary>The same settings marked with the current schema version (a version 1 document needs nothing else).</summary>
    public CampaignSettings Upgrade() => this with { SchemaVersion = CurrentSchemaVersion };

    /// <summary>The template a unit of <paramref name="kind"/> is scored on: its kind's sheet, or the campaign's.</summary>
    /// <param name="kind">The unit's kind.</param>
    public TemplatePin TemplateFor(CommitteeKind kind) =>
        KindTemplates?.FirstOrDefault(k => k.Kind == kind)?.Template ?? Template;

    /// <summary>Every template the campaign pins: the campaign's, then each kind's, without duplicates.</summary>
    public IReadOnlyList<TemplatePin> AllTemplates() => [.. new[] { Template }.Concat(KindTemplates?.Select(k => k.Template) ?? []).Distinct()];

    /// <summary>
    /// The standard's name for headers and mails: the campaign's <see cref="StandardName"/>, else the template's own
    /// short name, else the template's full name. Never a hard-coded 五好.
    /// </summary>
    /// <param name="template">The campaign's resolved template.</param>
    public string StandardNameFor(StandardTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return !string.IsNullOrWhiteSpace(StandardName) ? StandardName.Trim()
            : !string.IsNullOrWhiteSpace(template.StandardName) ? template.StandardName.Trim()
            : template.Name;
    }

    /// <summary>
    /// The deadline ladder of stage <paramref name="stage"/> of <paramref name="chain"/>. Ladders are per role: a
    /// chain's verdict stage takes the verdict ladder (stage <see cref="ReviewStageCount"/>) however short the chain (a
    /// township's own case is decided by the county at its stage 1), and review stages take theirs in order.
    /// </summary>
    /// <param name="chain">The case's chain.</param>
    /// <param name="stage">1..<c>chain.ReviewStageCount</c>.</param>
    public EscalationLadder LadderFor(AcceptanceChain chain, int stage)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentOutOfRangeException.ThrowIfLessThan(stage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stage, chain.ReviewStageCount);
        var index = stage == chain.ReviewStageCount ? Math.Max(1, ReviewStageCount) : stage;
        return StageLadders[Math.Min(index, StageLadders.Count) - 1];
    }

    /// <summary>
    /// The cumulative target of units of <paramref name="kind"/> in force at the end of <paramref name="year"/>, when the
    /// campaign gives that kind a target series; null otherwise (the campaign's own target applies).
    /// </summary>
    /// <param name="kind">The unit kind.</param>
    /// <param name="year">The year.</param>
    public Percentage? TargetFor(CommitteeKind kind, int year) =>
        KindTargets?.FirstOrDefault(k => k.Kind == kind) is { } series
            ? series.Targets.Where(t => t.Year <= year).OrderBy(t => t.Year).Select(t => t.Share).LastOrDefault()
            : null;

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
