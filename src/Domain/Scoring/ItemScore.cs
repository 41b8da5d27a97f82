namespace GuanGong.Domain.Scoring;

/// <summary>The score given to one item.</summary>
/// <param name="ItemId">The template's item id.</param>
/// <param name="Score">Points awarded, 0..the item's points, at most two decimal places.</param>
/// <param name="Note">Free notes (what was inspected, what the unit says).</param>
/// <param name="DeductionReason">Why points were taken off; required on a review sheet when the score is below full points
/// and no <paramref name="Deductions"/> are recorded.</param>
/// <param name="Deductions">Deduction rules applied, with occurrences; when present the score must equal the points
/// left after them.</param>
public sealed record ItemScore(
    string ItemId,
    decimal Score,
    string? Note = null,
    string? DeductionReason = null,
    IReadOnlyList<AppliedDeduction>? Deductions = null);
