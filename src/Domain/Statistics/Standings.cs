using GuanGong.Domain.Cases;

namespace GuanGong.Domain.Statistics;

/// <summary>
/// A unit's standing in a multi-year campaign (三年创建): its latest decided case. A unit that passed in year 1 stays
/// passed in years 2 and 3 (巩固提高) until a look-back revokes it; a later case only changes the standing once it is
/// decided (so re-examining a passed unit keeps it passed until the re-examination's verdict).
/// </summary>
/// <remarks>
/// <para>The rule, for the cases of years up to and including the year reported:</para>
/// <list type="number">
/// <item>Decided cases are those passed, failed, closed at the rectification deadline, or revoked (a revocation after the
/// year reported does not count yet: the case is still passed as of that year, and so is a passed case a later year's
/// look-back ordered to rectify). The latest decided one sets the status.</item>
/// <item>A case still under way that was returned for rectification (or resubmitted) is assessed and not passed:
/// <see cref="UnitStatus.Returned"/>, unless the unit is passed by an earlier case (re-examination in progress).</item>
/// <item>Otherwise a case under way makes the unit <see cref="UnitStatus.InProgress"/> when nothing decided it before;
/// with no case (or only withdrawn ones, or a draft of an earlier year that was never submitted) it is
/// <see cref="UnitStatus.NotAssessed"/>.</item>
/// </list>
/// </remarks>
public static class Standings
{
    /// <summary>The standing of every unit that has a case, as of the end of <paramref name="year"/>.</summary>
    /// <param name="cases">The campaign's cases, all years, any order (cases of later years are ignored).</param>
    /// <param name="year">The year reported.</param>
    public static IReadOnlyDictionary<string, UnitStanding> AsOf(IEnumerable<UnitCase> cases, int year)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases
            .Where(c => c.Year <= year)
            .GroupBy(c => c.UnitCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Of(g.Key, g, year), StringComparer.Ordinal);
    }

    /// <summary>The statuses <see cref="PassRates.ForSubtree"/> counts, as of the end of <paramref name="year"/>.</summary>
    /// <param name="cases">The campaign's cases, all years.</param>
    /// <param name="year">The year reported.</param>
    public static IReadOnlyDictionary<string, UnitStatus> StatusesAsOf(IEnumerable<UnitCase> cases, int year) =>
        AsOf(cases, year).ToDictionary(kv => kv.Key, kv => kv.Value.Status, StringComparer.Ordinal);

    /// <summary>One unit's standing from its cases, as of the end of <paramref name="year"/>.</summary>
    /// <param name="unitCode">The unit.</param>
    /// <param name="cases">The unit's cases (other units' cases and later years are ignored).</param>
    /// <param name="year">The year reported.</param>
    public static UnitStanding Of(string unitCode, IEnumerable<UnitCase> cases, int year)
    {
        ArgumentNullException.ThrowIfNull(cases);
        UnitCase? decided = null;
        UnitStatus decidedStatus = UnitStatus.NotAssessed;
        UnitCase? open = null;
        foreach (var c in cases.Where(c => c.UnitCode == unitCode && c.Year <= year).OrderBy(c => c.Year))
        {
            var status = StatusAsOf(c, year);
            if (IsDecided(c.State.Status, status))
            {
                decided = c;
                decidedStatus = status;
                open = null;
            }
            else if (c.State.Status != CaseStatus.Withdrawn && !(c.State.Status == CaseStatus.Draft && c.Year < year))
            {
                // A draft of an earlier year was never submitted: it lapsed with its year and keeps nothing open.
                open = c;
            }
        }

        var openStatus = open is null ? UnitStatus.NotAssessed : UnitStatuses.From(open.State, open.Round);
        var result = (decided, decidedStatus, openStatus) switch
        {
            ({ }, UnitStatus.Passed, _) => UnitStatus.Passed,
            (_, _, UnitStatus.Returned) => UnitStatus.Returned,
            ({ }, var s, _) => s,
            (null, _, var s) => s,
        };
        return new UnitStanding(unitCode, result, decided?.Year, open?.Year);
    }

    private static UnitStatus StatusAsOf(UnitCase c, int year) =>
        (c.State.Status == CaseStatus.Revoked && (c.LookBackInYear ?? c.RevokedInYear ?? c.Year) > year)
        || (c.LookBackInYear is { } lookBack && lookBack > year)
            ? UnitStatus.Passed
            : UnitStatuses.From(c.State, c.Round);

    // A withdrawn case after a resubmission counts as failed (it was judged once), so it decides as well; a case a
    // later look-back reopened was passed as of the year reported, so it decides too.
    private static bool IsDecided(CaseStatus status, UnitStatus counted) =>
        status is CaseStatus.Passed or CaseStatus.Failed or CaseStatus.Revoked or CaseStatus.RectificationExpired
        || (status == CaseStatus.Withdrawn && counted == UnitStatus.Failed)
        || counted == UnitStatus.Passed;
}
