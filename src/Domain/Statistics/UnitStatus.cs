namespace GuanGong.Domain.Statistics;

/// <summary>
/// Where a unit stands in a campaign, for counting. "Assessed" (参评, the denominator of 达标率) is every unit whose
/// submission a reviewer has judged: passed, failed, returned for rectification (until it passes), closed at its
/// rectification deadline, or revoked after a look-back (<see cref="UnitStatuses.IsAssessed"/>).
/// </summary>
public enum UnitStatus
{
    /// <summary>Established but no case yet (or its case was withdrawn before any reviewer judged it).</summary>
    NotAssessed,

    /// <summary>A case is under way and no reviewer has judged it yet (draft, submitted, forwarded up the chain).</summary>
    InProgress,

    /// <summary>Assessed and passed (达标).</summary>
    Passed,

    /// <summary>Assessed and not passed (未达标): failed, or closed because its rectification deadline passed.</summary>
    Failed,

    /// <summary>Passed, then lost its status after a look-back: assessed, not passed.</summary>
    Revoked,

    /// <summary>
    /// Returned for rectification (退回整改), or resubmitted and under review again: assessed and not passed until it
    /// passes. Counting it as assessed means returning a weak unit instead of failing it cannot raise a pass rate.
    /// </summary>
    Returned,
}
