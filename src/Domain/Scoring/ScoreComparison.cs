using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Scoring;

/// <summary>Compares a self-assessment with a review, so the unit sees exactly where and why points were taken off.</summary>
public static class ScoreComparison
{
    /// <summary>The items whose scores differ, in template order. Both sheets must be valid for the template.</summary>
    /// <param name="template">The pinned template.</param>
    /// <param name="selfAssessment">The unit's sheet.</param>
    /// <param name="review">The reviewer's sheet.</param>
    public static IReadOnlyList<ItemDifference> Differences(StandardTemplate template, ScoreSheet selfAssessment, ScoreSheet review)
    {
        ArgumentNullException.ThrowIfNull(template);
        foreach (var (sheet, name) in new[] { (selfAssessment, nameof(selfAssessment)), (review, nameof(review)) })
        {
            var errors = ScoreSheetValidator.Validate(sheet, template);
            if (errors.Count > 0)
            {
                throw new ArgumentException("The score sheet is invalid: " + string.Join("; ", errors), name);
            }
        }

        var self = selfAssessment.Items.ToDictionary(i => i.ItemId, StringComparer.Ordinal);
        var reviewed = review.Items.ToDictionary(i => i.ItemId, StringComparer.Ordinal);
        return
        [
            .. template.AllItems
                .Select(item => (Self: self[item.Id], Review: reviewed[item.Id]))
                .Where(p => p.Self.Score != p.Review.Score)
                .Select(p => new ItemDifference(p.Self.ItemId, p.Self.Score, p.Review.Score, ReasonOf(p.Review))),
        ];
    }

    private static string? ReasonOf(ItemScore score) =>
        !string.IsNullOrWhiteSpace(score.DeductionReason) ? score.DeductionReason
        : score.Deductions is { Count: > 0 } applied ? string.Join("; ", applied.Select(a => $"{a.RuleId} ×{a.Occurrences}"))
        : null;
}
