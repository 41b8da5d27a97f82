namespace GuanGong.Domain.Cases;

/// <summary>The status of an assessment case. Together with a stage index it forms a <see cref="CaseState"/>.</summary>
public enum CaseStatus
{
    /// <summary>The unit is preparing its self-assessment (stage 0).</summary>
    Draft,

    /// <summary>Submitted; waiting at review stage 1, not yet opened by its reviewer.</summary>
    Submitted,

    /// <summary>Under review at stage k (opened by the reviewer, or forwarded by the stage below).</summary>
    UnderReview,

    /// <summary>Returned to the unit for rectification (整改) by stage k.</summary>
    ReturnedForRectification,

    /// <summary>Resubmitted after rectification; waiting at stage k, the stage that returned it.</summary>
    Resubmitted,

    /// <summary>Passed (达标) at the verdict stage.</summary>
    Passed,

    /// <summary>Failed (不达标) at stage k.</summary>
    Failed,

    /// <summary>Passed earlier, then lost its status after a look-back (回头看).</summary>
    Revoked,

    /// <summary>Withdrawn by the unit before a decision.</summary>
    Withdrawn,

    /// <summary>
    /// Closed because the unit did not resubmit by its rectification deadline (逾期未整改): assessed and not passed
    /// (未达标), unlike <see cref="Withdrawn"/>, so returning a weak unit cannot take it out of the pass rate.
    /// </summary>
    RectificationExpired,
}
