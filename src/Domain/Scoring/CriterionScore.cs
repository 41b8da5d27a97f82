using System.Text.Json.Serialization;

namespace GuanGong.Domain.Scoring;

/// <summary>The score of one criterion in a <see cref="ScoreSummary"/>.</summary>
/// <param name="CriterionId">The template's criterion id.</param>
/// <param name="Points">The criterion's full points.</param>
/// <param name="Score">The sum of its items' scores.</param>
/// <param name="MinimumPoints">The criterion's minimum, if the template sets one.</param>
public sealed record CriterionScore(string CriterionId, decimal Points, decimal Score, decimal? MinimumPoints)
{
    /// <summary>True when there is no minimum or the score reaches it.</summary>
    [JsonIgnore]
    public bool MeetsMinimum => MinimumPoints is not { } min || Score >= min;
}
