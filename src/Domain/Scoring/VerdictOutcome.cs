namespace GuanGong.Domain.Scoring;

/// <summary>The outcome of an assessment.</summary>
public enum VerdictOutcome
{
    /// <summary>达标: meets the standard.</summary>
    Passed,

    /// <summary>不达标: does not meet the standard.</summary>
    Failed,
}
