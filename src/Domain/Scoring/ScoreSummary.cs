using System.Text.Json.Serialization;

namespace GuanGong.Domain.Scoring;

/// <summary>The figures of a valid score sheet. Persisted with the verdict so the report shows how it was reached.</summary>
/// <param name="BaseTotal">Sum of the item scores, 0..the template's total points.</param>
/// <param name="BonusClaimed">Sum of the bonus points claimed.</param>
/// <param name="BonusAwarded">The bonus that counts: the claim capped by the template's bonus cap.</param>
/// <param name="Total">BaseTotal + BonusAwarded, 0..total points + bonus cap.</param>
/// <param name="Criteria">Per-criterion scores.</param>
/// <param name="UnmetPreconditions">Ids of the preconditions answered "no".</param>
public sealed record ScoreSummary(
    decimal BaseTotal,
    decimal BonusClaimed,
    decimal BonusAwarded,
    decimal Total,
    IReadOnlyList<CriterionScore> Criteria,
    IReadOnlyList<string> UnmetPreconditions)
{
    /// <summary>True when every precondition was answered "yes".</summary>
    [JsonIgnore]
    public bool PreconditionsMet => UnmetPreconditions.Count == 0;
}
