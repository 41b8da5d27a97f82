using GuanGong.Domain.Deadlines;

namespace GuanGong.Functions.Calendars;

/// <summary>
/// A deadline counted over a year whose State Council holiday notice is not loaded is provisional: it counted plain
/// weekdays there. Every place that shows such a date says so in the same words (<see cref="Note"/>), and the API carries
/// a <c>provisional</c> flag beside it.
/// </summary>
public static class ProvisionalDates
{
    /// <summary>What follows a provisional date on pages and in mails.</summary>
    public const string Note = "（暂定：该年度法定节假日尚未公布）";

    /// <summary>Whether a date counted with these unconfirmed years is provisional (a review task keeps the years it counted over).</summary>
    public static bool Of(IReadOnlyList<int>? unconfirmedYears) => unconfirmedYears is { Count: > 0 };

    /// <summary>
    /// Whether a deadline passing at <paramref name="dueAt"/> (the end of its last working day, China time) is provisional
    /// under <paramref name="calendar"/>: its due date lies in a year without a notice. A working-day period is short, so
    /// the years it crosses end with the due date's and begin no later than its start's, loaded first.
    /// </summary>
    public static bool Of(HolidayCalendar calendar, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return !calendar.IsConfirmed(ChinaTime.DateOf(dueAt.AddTicks(-1)).Year);
    }

    /// <summary>The note to write after a date, or nothing.</summary>
    public static string Suffix(bool provisional) => provisional ? Note : string.Empty;
}
