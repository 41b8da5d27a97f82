namespace GuanGong.Functions.Statistics;

/// <summary>Units whose planned year is this year or earlier: how many of them have passed, and which have not.</summary>
public sealed record TargetYearView(int Year, int UnitsDue, int UnitsDuePassed, RatioView PassedOfDue, IReadOnlyList<string> DueNotPassed);
