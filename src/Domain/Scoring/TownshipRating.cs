using System.Text.Json.Serialization;
using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Scoring;

/// <summary>The outcome of the township rule for one township (or street, or education bureau). Persisted by the app.</summary>
/// <param name="TownshipCode">The township's committee code.</param>
/// <param name="Rated">True only when the township passed itself AND enough of its units passed.</param>
/// <param name="SelfPassed">True when the township's own verdict is "passed".</param>
/// <param name="UnitsPassed">How many of its counted units are currently passed.</param>
/// <param name="UnitsTotal">How many counted units it has (the denominator: all established units of the counted kinds, not only those assessed).</param>
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
    IReadOnlyList<string> Reasons)
{
    /// <summary>
    /// The kinds of unit the rating counted (村、社区、学校 by default), for showing beside the result. Null for the old
    /// count of every grassroots unit: a rating stored before issue 15, or one from the five-argument
    /// <see cref="TownshipRule.Evaluate(Organisations.OrganisationTree, string, bool?, IReadOnlySet{string}, Percentage)"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CommitteeKind>? CountedKinds { get; init; }

    /// <summary>The counted kinds in the documents' words, e.g. 村、社区、学校; "全部基层单位" for a rating stored before issue 15.</summary>
    [JsonIgnore]
    public string CountedKindsText => CountedKinds is { Count: > 0 } kinds ? Wording.KindList(kinds) : "全部基层单位";
}
