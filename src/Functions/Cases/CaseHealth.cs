using GuanGong.Domain.Cases;

namespace GuanGong.Functions.Cases;

/// <summary>
/// Whether a case's workflow is stuck: a step that keeps failing (the engine retries an activity for up to a day
/// before it gives the instance up as Failed) leaves the case where the step found it. Three signs, at any stage:
/// <list type="bullet">
/// <item>the case row says the engine owes the next step — accepting a submission or a resubmission, or opening the
/// next review task after a decision was applied (undecided, not with the unit, no open task) — and the row has not
/// changed for <see cref="StuckAfter"/>: each of those steps ends within seconds when it works;</item>
/// <item>a reviewer's decision on the case's open task was stored longer than <see cref="StuckAfter"/> ago and the
/// workflow has not applied it (applying it keeps failing, or its event keeps being lost);</item>
/// <item>the engine gave the instance up (Failed or Terminated) while the case was not decided, or before the verdict
/// was mailed — nothing will move the case on.</item>
/// </list>
/// The decision reconciler's timer, which also reads the stored decisions and the engine, logs every stuck case at Error
/// and keeps what it found (<see cref="StuckCaseReport"/>); the dashboard lists the cases whose row shows it
/// (<see cref="IsStuck(CaseRecord, DateTimeOffset)"/>, live) and, from the last report, the other two while their row
/// has not moved since.
/// Waits for people (a reviewer who has not decided, a unit that has not resubmitted) are not stuck: the dashboard
/// shows those delays as overdue.
/// </summary>
public static class CaseHealth
{
    public static readonly TimeSpan StuckAfter = TimeSpan.FromHours(1);

    /// <summary>The statuses in which the engine may owe a case its next step; their names as stored in the case table's Status column.</summary>
    public static readonly IReadOnlyList<CaseStatus> EngineStatuses = [CaseStatus.Submitted, CaseStatus.Resubmitted, CaseStatus.UnderReview];

    /// <summary>Whether the engine owes the case its next step (no person is holding it up).</summary>
    public static bool AwaitsEngine(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return EngineStatuses.Contains(record.State.Status) && record.Task is null;
    }

    /// <summary>Whether the case row shows a step failing for over <see cref="StuckAfter"/> (on a clock that may be faked).</summary>
    public static bool IsStuck(CaseRecord record, DateTimeOffset now) => AwaitsEngine(record) && now - record.UpdatedAt > StuckAfter;

    /// <summary>
    /// Whether the case is stuck, from its row and what the row alone cannot show: when a decision on its open task was
    /// stored without being applied since (null when none is waiting), and whether the engine gave its instance up.
    /// </summary>
    public static bool IsStuck(CaseRecord record, DateTimeOffset now, DateTimeOffset? unappliedDecisionAt, bool instanceGivenUp)
    {
        ArgumentNullException.ThrowIfNull(record);
        return IsStuck(record, now)
            || (unappliedDecisionAt is { } decidedAt && record.Task is not null && now - decidedAt > StuckAfter)
            || instanceGivenUp;
    }
}
