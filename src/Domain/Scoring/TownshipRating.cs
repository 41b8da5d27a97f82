namespace GuanGong.Domain.Scoring;

/// <summary>The outcome of the township rule for one township (or street, or education bureau).</summary>
/// <param name="TownshipCode">The township's committee code.</param>
/// <param name="Rated">True only when the township passed itself AND enough of its units passed.</param>
/// <param name="SelfPassed">True when the township's own verdict is "passed".</param>
/// <param name="UnitsPassed">How many of its grassroots units are currently passed.</param>
/// <param name="UnitsTotal">How many grassroots units it has (the denominator: all established units, not only those assessed).</param>
/// <param name="RequiredShare">The campaign's share.</param>
/// <param name="UnitsRequired">The smallest number of passed units that meets the share: ⌈total × share⌉.</param>
/// <param name="Reasons">Why it is not rated, in Chinese and English; empty when rated.</param>
public sealed record TownshipRating(
    string TownshipCode,
    bool Rated,
    bool SelfPassed,
    int UnitsPassed,
    int UnitsTotal,
    Percentage RequiredShare,
    int UnitsRequired,
    IReadOnlyList<string> Reasons);
