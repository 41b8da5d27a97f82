using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Statistics;

/// <summary>Late and stuck cases per level, for the dashboards of the county and the city.</summary>
public static class CaseDelays
{
    /// <summary>
    /// Groups the cases held by a reviewer by the level of the holding committee. A case is late when <paramref name="now"/>
    /// is at or past its deadline; it is stuck when its stage started <paramref name="stuckAfterWorkingDays"/> or more
    /// working days ago (China local dates), late or not. Returns every level, top to bottom, even when empty.
    /// </summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="cases">The cases (cases not with a reviewer are ignored).</param>
    /// <param name="now">The current instant.</param>
    /// <param name="stuckAfterWorkingDays">At least 1.</param>
    /// <param name="calendar">The holiday calendar.</param>
    public static IReadOnlyList<LevelDelays> PerLevel(
        OrganisationTree tree,
        IEnumerable<OpenCase> cases,
        DateTimeOffset now,
        int stuckAfterWorkingDays,
        HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(stuckAfterWorkingDays, 1);
        var open = cases.Where(c => c.State.IsWithReviewer).ToList();
        var today = ChinaTime.DateOf(now);
        return
        [
            .. Enum.GetValues<CommitteeLevel>().Select(level =>
            {
                var held = open.Where(c => tree.Get(c.HolderCode).Level == level).ToList();
                return new LevelDelays(
                    level,
                    held.Count,
                    [.. held.Where(c => now >= c.DueAt).Select(c => c.CaseId)],
                    [.. held.Where(c => calendar.CountWorkingDays(ChinaTime.DateOf(c.StageStartedAt), today).Count >= stuckAfterWorkingDays).Select(c => c.CaseId)]);
            }),
        ];
    }
}
