namespace GuanGong.Domain.Scoring;

/// <summary>Why a verdict is <see cref="VerdictOutcome.Failed"/>.</summary>
public enum VerdictFailureKind
{
    /// <summary>A precondition (五有) was answered "no"; the points do not matter.</summary>
    PreconditionNotMet,

    /// <summary>A criterion scored below its minimum.</summary>
    CriterionBelowMinimum,

    /// <summary>The total is below the pass threshold.</summary>
    BelowThreshold,
}
