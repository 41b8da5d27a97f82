namespace GuanGong.Domain.Scoring;

/// <summary>One reason a verdict failed.</summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="SubjectId">The precondition or criterion concerned; null for <see cref="VerdictFailureKind.BelowThreshold"/>.</param>
/// <param name="MessageZh">The reason in Chinese, for the unit.</param>
/// <param name="MessageEn">The reason in English.</param>
public sealed record VerdictFailure(VerdictFailureKind Kind, string? SubjectId, string MessageZh, string MessageEn);
