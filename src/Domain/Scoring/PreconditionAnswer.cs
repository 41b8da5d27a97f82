namespace GuanGong.Domain.Scoring;

/// <summary>The answer to one precondition (五有).</summary>
/// <param name="PreconditionId">The template's precondition id.</param>
/// <param name="Met">True for "yes".</param>
/// <param name="Note">What was seen, e.g. "办公室与村委会合用".</param>
public sealed record PreconditionAnswer(string PreconditionId, bool Met, string? Note = null);
