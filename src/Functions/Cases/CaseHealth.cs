using GuanGong.Domain.Cases;

namespace GuanGong.Functions.Cases;

/// <summary>
/// Whether a case's workflow is stuck: a step that keeps failing (the engine retries an activity for
/// up to a day) leaves the case where the step found it. The steps that move a case on without anyone
/// acting are the first ones — accepting a submission (or a resubmission) and opening its review task —
/// and each ends by leaving "submitted" / "resubmitted" within seconds. A case still there after
/// <see cref="StuckAfter"/> has a step failing again and again: the dashboard lists it, and the
/// decision reconciler's timer logs it at Error. Later steps wait for people, whose delays the
/// dashboard shows as overdue; a stored decision not taken up is raised again by the reconciler.
/// </summary>
public static class CaseHealth
{
    public static readonly TimeSpan StuckAfter = TimeSpan.FromHours(1);

    /// <summary>The statuses a case leaves by the engine alone; their names as stored in the case table's Status column.</summary>
    public static readonly IReadOnlyList<CaseStatus> EngineStatuses = [CaseStatus.Submitted, CaseStatus.Resubmitted];

    public static bool IsStuck(CaseRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return EngineStatuses.Contains(record.State.Status) && now - record.UpdatedAt > StuckAfter;
    }
}
