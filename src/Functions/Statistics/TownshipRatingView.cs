namespace GuanGong.Functions.Statistics;

/// <summary>A township's rating under the "≥ X% of its units" rule, as last evaluated.</summary>
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
    DateTimeOffset EvaluatedAt);
