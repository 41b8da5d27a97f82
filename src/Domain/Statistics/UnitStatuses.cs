using GuanGong.Domain.Cases;

namespace GuanGong.Domain.Statistics;

/// <summary>Maps case states to the <see cref="UnitStatus"/> the figures count.</summary>
public static class UnitStatuses
{
    /// <summary>
    /// The per-year mapping the app used before issue 15, kept unchanged for its callers: a case returned for
    /// rectification or resubmitted counts as <see cref="UnitStatus.InProgress"/> (not assessed), which lets a township
    /// raise its rate by returning a weak unit instead of failing it. The documented rule is
    /// <see cref="From(CaseState?, int)"/>, and across years <see cref="Standings"/>.
    /// </summary>
    /// <param name="latestCase">The state of the unit's latest case in the campaign.</param>
    public static UnitStatus From(CaseState? latestCase) => latestCase?.Status switch
    {
        null or CaseStatus.Withdrawn => UnitStatus.NotAssessed,
        CaseStatus.Passed => UnitStatus.Passed,
        CaseStatus.Failed or CaseStatus.RectificationExpired => UnitStatus.Failed,
        CaseStatus.Revoked => UnitStatus.Revoked,
        _ => UnitStatus.InProgress,
    };

    /// <summary>
    /// The status one case gives its unit, by the documented rule: "assessed" is every unit a reviewer has judged, so a
    /// case returned for rectification, resubmitted, or back under review after a return (round 2 or later) is
    /// <see cref="UnitStatus.Returned"/> (assessed, not passed until it passes), and one closed at its rectification
    /// deadline is <see cref="UnitStatus.Failed"/>.
    /// </summary>
    /// <param name="latestCase">The state of the case; null for no case.</param>
    /// <param name="round">1 for the first submission, one more for each resubmission after a return: an open case in round 2 or later was returned once, so it is assessed and not passed.</param>
    public static UnitStatus From(CaseState? latestCase, int round)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        return latestCase?.Status switch
        {
            null => UnitStatus.NotAssessed,
            CaseStatus.Withdrawn => round > 1 ? UnitStatus.Failed : UnitStatus.NotAssessed,
            CaseStatus.Passed => UnitStatus.Passed,
            CaseStatus.Failed or CaseStatus.RectificationExpired => UnitStatus.Failed,
            CaseStatus.Revoked => UnitStatus.Revoked,
            CaseStatus.ReturnedForRectification or CaseStatus.Resubmitted => UnitStatus.Returned,
            _ => round > 1 ? UnitStatus.Returned : UnitStatus.InProgress,
        };
    }

    /// <summary>
    /// True for a unit a reviewer has judged (passed, failed, returned, closed at its rectification deadline, revoked):
    /// the "assessed" count (参评数), the denominator of 达标率.
    /// </summary>
    /// <param name="status">The status.</param>
    public static bool IsAssessed(UnitStatus status) =>
        status is UnitStatus.Passed or UnitStatus.Failed or UnitStatus.Revoked or UnitStatus.Returned;
}
