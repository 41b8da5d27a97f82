namespace GuanGong.Domain.Deadlines;

/// <summary>
/// The time-zone rule: every date in a campaign is a date in China Standard Time (UTC+8, no daylight saving since 1991),
/// whatever zone the server runs in. Instants are <see cref="DateTimeOffset"/> parameters; this type only converts.
/// A deadline falls due at the END of its due date, local time: the instant 24:00 CST (= 16:00 UTC the same day),
/// so a reviewer has the whole last working day, evening included (elders often work in the evening).
/// </summary>
public static class ChinaTime
{
    /// <summary>UTC+8.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The China local date of an instant.</summary>
    /// <param name="instant">Any instant.</param>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant a China local date begins (00:00 CST).</summary>
    /// <param name="date">The local date.</param>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>The instant a China local date ends (24:00 CST, i.e. the start of the next day): when a deadline on that date passes.</summary>
    /// <param name="date">The local date.</param>
    public static DateTimeOffset EndOf(DateOnly date) => StartOf(date.AddDays(1));

    /// <summary>The instant of a local time of day on a local date.</summary>
    /// <param name="date">The local date.</param>
    /// <param name="time">The local time.</param>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);
}
