using System.Text.Json.Serialization;

namespace GuanGong.Domain.Scoring;

/// <summary>An item where the reviewer's score differs from the unit's self-assessment.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="SelfScore">The unit's own score.</param>
/// <param name="ReviewScore">The reviewer's score.</param>
/// <param name="DeductionReason">The reviewer's reason (or the applied rule ids, when the reviewer recorded deductions).</param>
public sealed record ItemDifference(string ItemId, decimal SelfScore, decimal ReviewScore, string? DeductionReason)
{
    /// <summary>ReviewScore − SelfScore (negative when the reviewer gave less).</summary>
    [JsonIgnore]
    public decimal Difference => ReviewScore - SelfScore;
}
