namespace GuanGong.Domain.Statistics;

/// <summary>Where a unit stands in a multi-year campaign at the end of a year: what the cumulative figures count.</summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="Status">The status the figures count (see <see cref="Standings"/> for the rule).</param>
/// <param name="DecidedYear">The year of the case that decided <paramref name="Status"/>; null when no case decided it.</param>
/// <param name="OpenCaseYear">The year of a case still under way (draft, with a reviewer, returned), if any.</param>
public sealed record UnitStanding(string UnitCode, UnitStatus Status, int? DecidedYear, int? OpenCaseYear)
{
    /// <summary>True when the unit counts as passed (达标).</summary>
    public bool IsPassed => Status == UnitStatus.Passed;

    /// <summary>True when the unit counts as assessed (参评).</summary>
    public bool IsAssessed => UnitStatuses.IsAssessed(Status);
}
