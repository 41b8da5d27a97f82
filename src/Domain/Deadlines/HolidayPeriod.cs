namespace GuanGong.Domain.Deadlines;

/// <summary>One holiday of a State Council notice, inclusive of both ends, e.g. 春节 2026-02-15 to 2026-02-23.</summary>
/// <param name="Name">The holiday's name, e.g. 春节.</param>
/// <param name="Start">First day off.</param>
/// <param name="End">Last day off (inclusive).</param>
public sealed record HolidayPeriod(string Name, DateOnly Start, DateOnly End)
{
    /// <summary>Every day of the period.</summary>
    public IEnumerable<DateOnly> Days()
    {
        for (var d = Start; d <= End; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
