namespace GuanGong.Domain.Statistics;

/// <summary>Where a unit stands in a campaign, for counting.</summary>
public enum UnitStatus
{
    /// <summary>Established but no case yet (or its case was withdrawn).</summary>
    NotAssessed,

    /// <summary>A case is under way (draft, with a reviewer, or returned for rectification).</summary>
    InProgress,

    /// <summary>Assessed and passed (达标).</summary>
    Passed,

    /// <summary>Assessed and failed (不达标).</summary>
    Failed,

    /// <summary>Passed, then lost its status after a look-back: assessed, not passed.</summary>
    Revoked,
}
