using GuanGong.Domain.Calendar;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;

namespace GuanGong.Functions.Calendars;

/// <summary>
/// A campaign year's calendar as the API shows it: every dated entry, what is due next at each level, and the units that
/// have not submitted within the caller's subtree. <c>Provisional</c> is true when any date lies in a year without a notice.
/// </summary>
public sealed record CampaignCalendarView(
    string CampaignId,
    int Year,
    string Root,
    DateOnly SubmissionDeadline,
    bool Provisional,
    IReadOnlyList<CalendarEntryView> Entries,
    IReadOnlyList<NextDueView> NextDue,
    IReadOnlyList<NotSubmittedView> NotSubmitted)
{
    public static CampaignCalendarView Of(CampaignYearCalendar calendar, HolidayCalendar holidays, string root, DateOnly today, IReadOnlyList<Committee> notSubmitted)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var entries = CampaignCalendarPlanner.Plan(calendar, holidays);
        return new(
            calendar.CampaignId,
            calendar.Year,
            root,
            calendar.SubmissionDeadline,
            entries.Any(e => e.Provisional),
            [.. entries.Select(CalendarEntryView.Of)],
            [.. new[] { CommitteeLevel.County, CommitteeLevel.Township, CommitteeLevel.Grassroots }
                .Select(level => new NextDueView(level.ToString(), CampaignCalendarPlanner.NextDue(entries, level, today) is { } next ? CalendarEntryView.Of(next) : null))],
            [.. notSubmitted.Select(u => new NotSubmittedView(u.Code, u.Name, u.ParentCode))]);
    }
}

/// <summary>One entry: kind and level in English (for programs), the title in Chinese, the days it spans.</summary>
public sealed record CalendarEntryView(string Kind, string Level, string Title, DateOnly Start, DateOnly End, bool Provisional, int? WorkingDaysBefore)
{
    public static CalendarEntryView Of(CalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Kind.ToString(), entry.Level.ToString(), entry.Title, entry.Start, entry.End, entry.Provisional, entry.WorkingDaysBefore);
    }
}

/// <summary>What a level has to do next (null when nothing is left this year).</summary>
public sealed record NextDueView(string Level, CalendarEntryView? Entry);

/// <summary>A unit invited for the year that has not submitted.</summary>
public sealed record NotSubmittedView(string UnitCode, string UnitName, string? ParentCode);
