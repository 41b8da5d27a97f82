using System.Globalization;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Calendar;

/// <summary>
/// Lays out a campaign year: the submission reminders (counted back in working days over the China holiday calendar), the
/// deadline, the townships' quarterly and the county's half-year checks, and the acceptance window; and says what is due
/// next for a level. Any date in a year whose holiday notice is not loaded is marked provisional, never guessed.
/// </summary>
public static class CampaignCalendarPlanner
{
    private static readonly string[] Quarters = ["第一季度", "第二季度", "第三季度", "第四季度"];

    /// <summary>Every entry of the year, in date order.</summary>
    /// <param name="calendar">The organiser's calendar of the year.</param>
    /// <param name="holidays">The holiday calendar.</param>
    public static IReadOnlyList<CalendarEntry> Plan(CampaignYearCalendar calendar, HolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(holidays);
        var entries = new List<CalendarEntry>();
        foreach (var days in calendar.ReminderWorkingDays.Order())
        {
            var reminder = ReminderDate(calendar, holidays, days);
            entries.Add(new CalendarEntry(CalendarEntryKind.SubmissionReminder, CommitteeLevel.Grassroots, $"提醒未提交单位（截止前 {days} 个工作日）",
                reminder.Date, reminder.Date, reminder.UsesUnconfirmedCalendarYears || !holidays.IsConfirmed(calendar.SubmissionDeadline.Year)) { WorkingDaysBefore = days });
        }

        entries.Add(Day(CalendarEntryKind.SubmissionDeadline, CommitteeLevel.Grassroots, "基层单位自评申报截止", calendar.SubmissionDeadline, holidays));
        for (var q = 0; q < 4; q++)
        {
            var start = new DateOnly(calendar.Year, (q * 3) + 1, 1);
            entries.Add(Span(CalendarEntryKind.TownshipCheck, CommitteeLevel.Township, $"{Quarters[q]}乡镇检查", start, start.AddMonths(3).AddDays(-1), holidays));
        }

        entries.Add(Span(CalendarEntryKind.CountyCheck, CommitteeLevel.County, "上半年县级检查", new DateOnly(calendar.Year, 1, 1), new DateOnly(calendar.Year, 6, 30), holidays));
        entries.Add(Span(CalendarEntryKind.CountyCheck, CommitteeLevel.County, "下半年县级检查", new DateOnly(calendar.Year, 7, 1), new DateOnly(calendar.Year, 12, 31), holidays));
        entries.Add(Span(CalendarEntryKind.AcceptanceWindow, CommitteeLevel.County, "年终验收", calendar.AcceptanceStart, calendar.AcceptanceEnd, holidays));
        return [.. entries.OrderBy(e => e.End).ThenBy(e => e.Start).ThenBy(e => e.Kind)];
    }

    /// <summary>What <paramref name="level"/> has to do next on <paramref name="today"/>: the first entry for it not yet over, or null.</summary>
    /// <param name="entries">The year's entries (<see cref="Plan"/>).</param>
    /// <param name="level">The level.</param>
    /// <param name="today">Today, China local.</param>
    public static CalendarEntry? NextDue(IReadOnlyList<CalendarEntry> entries, CommitteeLevel level, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entries);

        // A township or the county also answers for what its units must do, so it sees their deadline too.
        return entries.Where(e => e.End >= today && e.Kind != CalendarEntryKind.SubmissionReminder && (e.Level == level || e.Level > level)).MinBy(e => e.End);
    }

    /// <summary>
    /// The reminder due on <paramref name="today"/>: the one set fewest working days before the deadline whose date has come,
    /// as long as the deadline has not passed; null when none is due. A clock that jumped past several sends only the latest.
    /// </summary>
    /// <param name="calendar">The organiser's calendar of the year.</param>
    /// <param name="holidays">The holiday calendar.</param>
    /// <param name="today">Today, China local.</param>
    public static int? ReminderDue(CampaignYearCalendar calendar, HolidayCalendar holidays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (today > calendar.SubmissionDeadline)
        {
            return null;
        }

        return calendar.ReminderWorkingDays.Order().Where(days => ReminderDate(calendar, holidays, days).Date <= today).Select(d => (int?)d).FirstOrDefault();
    }

    /// <summary>The day a reminder set <paramref name="workingDays"/> working days before the deadline goes out.</summary>
    public static WorkingDayResult ReminderDate(CampaignYearCalendar calendar, HolidayCalendar holidays, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(holidays);
        return holidays.SubtractWorkingDays(calendar.SubmissionDeadline, workingDays);
    }

    /// <summary>A date as the pages write it: 12月15日（周一）.</summary>
    public static string Display(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Month}月{date.Day}日（周{"日一二三四五六"[(int)date.DayOfWeek]}）");

    private static CalendarEntry Day(CalendarEntryKind kind, CommitteeLevel level, string title, DateOnly date, HolidayCalendar holidays) =>
        new(kind, level, title, date, date, !holidays.IsConfirmed(date.Year));

    private static CalendarEntry Span(CalendarEntryKind kind, CommitteeLevel level, string title, DateOnly start, DateOnly end, HolidayCalendar holidays) =>
        new(kind, level, title, start, end, !holidays.IsConfirmed(start.Year) || !holidays.IsConfirmed(end.Year));
}
