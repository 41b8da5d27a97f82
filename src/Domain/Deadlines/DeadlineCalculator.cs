namespace GuanGong.Domain.Deadlines;

/// <summary>Stage deadlines in working days over a <see cref="HolidayCalendar"/>, with the time-zone rule of <see cref="ChinaTime"/>.</summary>
public static class DeadlineCalculator
{
    /// <summary>
    /// The deadline of a stage that started at <paramref name="startedAt"/> and allows <paramref name="workingDays"/> working
    /// days: counting starts the local day after the start, and the deadline passes at the end of the last working day.
    /// Example: 5 working days from Friday 13 Feb 2026 are Sat 14 (make-up day), Tue 24, Wed 25, Thu 26, Fri 27 Feb
    /// (the Spring Festival, 15–23 Feb, is skipped), so the deadline passes at 2026-02-28 00:00 CST.
    /// </summary>
    /// <param name="startedAt">When the stage started (any offset).</param>
    /// <param name="workingDays">At least 1.</param>
    /// <param name="calendar">The holiday calendar.</param>
    public static DeadlineResult Due(DateTimeOffset startedAt, int workingDays, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var result = calendar.AddWorkingDays(ChinaTime.DateOf(startedAt), workingDays);
        return new DeadlineResult(result.Date, ChinaTime.EndOf(result.Date), result.UnconfirmedYears);
    }
}
