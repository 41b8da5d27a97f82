namespace GuanGong.Domain.Statistics;

/// <summary>How the units due by a year (target year ≤ that year) are doing: what the middle year of a campaign pushes.</summary>
/// <param name="Year">The year reported.</param>
/// <param name="UnitsDue">Units in the subtree whose target year is this year or earlier.</param>
/// <param name="UnitsDuePassed">Of those, the ones currently passed.</param>
/// <param name="PassedOfDue">UnitsDuePassed / UnitsDue, rounded as in <see cref="Ratio"/>.</param>
/// <param name="DueNotPassed">Codes of the due units not yet passed, for follow-up.</param>
public sealed record TargetYearFigures(int Year, int UnitsDue, int UnitsDuePassed, Ratio PassedOfDue, IReadOnlyList<string> DueNotPassed);
