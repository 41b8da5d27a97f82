using GuanGong.Domain.Cases;

namespace GuanGong.Domain.Statistics;

/// <summary>Maps case states to the <see cref="UnitStatus"/> the figures count.</summary>
public static class UnitStatuses
{
    /// <summary>The status a unit has given its latest case (null: no case).</summary>
    /// <param name="latestCase">The state of the unit's latest case in the campaign.</param>
    public static UnitStatus From(CaseState? latestCase) => latestCase?.Status switch
    {
        null or CaseStatus.Withdrawn => UnitStatus.NotAssessed,
        CaseStatus.Passed => UnitStatus.Passed,
        CaseStatus.Failed => UnitStatus.Failed,
        CaseStatus.Revoked => UnitStatus.Revoked,
        _ => UnitStatus.InProgress,
    };

    /// <summary>True for a unit that has a final verdict (passed, failed or revoked): the "assessed" count.</summary>
    /// <param name="status">The status.</param>
    public static bool IsAssessed(UnitStatus status) => status is UnitStatus.Passed or UnitStatus.Failed or UnitStatus.Revoked;
}
