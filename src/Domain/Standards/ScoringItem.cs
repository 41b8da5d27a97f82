using System.Text.Json.Serialization;

namespace GuanGong.Domain.Standards;

/// <summary>One scored item: what is checked, its points, what evidence proves it and how points are deducted.</summary>
/// <param name="Id">Unique within the template; score sheets refer to it.</param>
/// <param name="Name">What is checked, in Chinese.</param>
/// <param name="Points">The item's full points.</param>
/// <param name="Evidence">The evidence that proves the item (台账, minutes, photos, a visit...).</param>
/// <param name="Deductions">How points are taken off; the total deducted never exceeds <paramref name="Points"/>.</param>
public sealed record ScoringItem(
    string Id,
    string Name,
    decimal Points,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<DeductionRule> Deductions)
{
    /// <summary>
    /// True for a yes/no item (schema 2): it scores its full points or 0, nothing between. This is how a single unit is
    /// judged on what a district states as a ratio: "常务副主任由五老担任" is yes or no for one village, never "≥ 90% of units".
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? YesNo { get; init; }
}
