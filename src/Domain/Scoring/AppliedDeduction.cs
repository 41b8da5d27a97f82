namespace GuanGong.Domain.Scoring;

/// <summary>A deduction rule of the item applied a number of times, e.g. 3 missed meetings.</summary>
/// <param name="RuleId">The id of the item's deduction rule.</param>
/// <param name="Occurrences">How many times (at least 1).</param>
public sealed record AppliedDeduction(string RuleId, int Occurrences);
