namespace GuanGong.Functions.Statistics;

/// <summary>A township's rating under the "≥ X% of its villages, communities and schools" rule (the kinds the campaign counts), as last evaluated.</summary>
public sealed record TownshipRatingView(
    string TownshipCode,
    string TownshipName,
    bool Rated,
    bool SelfPassed,
    int UnitsPassed,
    int UnitsTotal,
    decimal RequiredShare,
    int UnitsRequired,
    IReadOnlyList<string> Reasons,
    DateTimeOffset EvaluatedAt)
{
    /// <summary>The kinds of unit the rule counted (e.g. village, community, school); null for a rating stored before the campaign setting (every grassroots unit).</summary>
    public IReadOnlyList<string>? CountedKinds { get; init; }

    /// <summary>The counted kinds as the documents write them: 村、社区、学校, or 全部基层单位.</summary>
    public string CountedKindsText { get; init; } = "全部基层单位";
}
