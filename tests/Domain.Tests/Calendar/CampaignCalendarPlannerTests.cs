using GuanGong.Domain.Calendar;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Tests.Calendar;

public sealed class CampaignCalendarPlannerTests
{
    // Friday 30 Oct 2026; reminders 5 and 1 working days before; acceptance 16 Nov – 18 Dec.
    private static CampaignYearCalendar Year2026(params int[] reminders) =>
        new(CampaignYearCalendar.CurrentSchemaVersion, "c", 2026, new DateOnly(2026, 10, 30), reminders.Length == 0 ? [5, 1] : reminders, new DateOnly(2026, 11, 16), new DateOnly(2026, 12, 18));

    [Fact]
    public void Plan_Year2026_RemindersCountBackInWorkingDays_AndNothingIsProvisional()
    {
        var entries = CampaignCalendarPlanner.Plan(Year2026(), HolidayCalendar.Official);

        var reminders = entries.Where(e => e.Kind == CalendarEntryKind.SubmissionReminder).ToList();
        Assert.Equal([new DateOnly(2026, 10, 23), new DateOnly(2026, 10, 29)], reminders.Select(r => r.Start));
        Assert.Equal([5, 1], reminders.Select(r => r.WorkingDaysBefore!.Value));
        Assert.Equal(4, entries.Count(e => e.Kind == CalendarEntryKind.TownshipCheck));
        Assert.Equal(2, entries.Count(e => e.Kind == CalendarEntryKind.CountyCheck));
        Assert.All(entries, e => Assert.False(e.Provisional));
        Assert.Equal(entries.OrderBy(e => e.End), entries);
    }

    [Fact]
    public void Plan_ReminderAcrossTheNationalDayHoliday_SkipsItAndCountsTheMakeUpSaturday()
    {
        // 3 working days before Tue 13 Oct 2026: Mon 12, Sat 10 (make-up working day), Fri 9 — 1–7 Oct are holidays.
        var calendar = Year2026(3) with { SubmissionDeadline = new DateOnly(2026, 10, 13) };
        var reminder = CampaignCalendarPlanner.Plan(calendar, HolidayCalendar.Official).Single(e => e.Kind == CalendarEntryKind.SubmissionReminder);
        Assert.Equal(new DateOnly(2026, 10, 9), reminder.Start);
    }

    [Fact]
    public void Plan_YearWithoutNotice_EveryDateIsProvisional()
    {
        var calendar = new CampaignYearCalendar(1, "c", 2027, new DateOnly(2027, 10, 29), [5], new DateOnly(2027, 11, 15), new DateOnly(2027, 12, 17));
        var entries = CampaignCalendarPlanner.Plan(calendar, HolidayCalendar.Official);
        Assert.All(entries, e => Assert.True(e.Provisional, e.Title));
    }

    [Theory]
    [InlineData("2026-10-22", null)]
    [InlineData("2026-10-23", 5)]
    [InlineData("2026-10-28", 5)]
    [InlineData("2026-10-29", 1)]
    [InlineData("2026-10-30", 1)]
    [InlineData("2026-10-31", null)]
    public void ReminderDue_OnADay_IsTheLatestWhoseDateHasCome(string today, int? expected) =>
        Assert.Equal(expected, CampaignCalendarPlanner.ReminderDue(Year2026(), HolidayCalendar.Official, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void NextDue_PerLevel_IsTheFirstEntryNotOverForItOrBelowIt()
    {
        var entries = CampaignCalendarPlanner.Plan(Year2026(), HolidayCalendar.Official);
        var may = new DateOnly(2026, 5, 10);
        Assert.Equal("第二季度乡镇检查", CampaignCalendarPlanner.NextDue(entries, CommitteeLevel.Township, may)!.Title);
        Assert.Equal("上半年县级检查", CampaignCalendarPlanner.NextDue(entries, CommitteeLevel.County, may)!.Title);
        Assert.Equal(CalendarEntryKind.SubmissionDeadline, CampaignCalendarPlanner.NextDue(entries, CommitteeLevel.Grassroots, may)!.Kind);
        Assert.Equal(CalendarEntryKind.AcceptanceWindow, CampaignCalendarPlanner.NextDue(entries, CommitteeLevel.County, new DateOnly(2026, 12, 1))!.Kind);
        Assert.Null(CampaignCalendarPlanner.NextDue(entries, CommitteeLevel.Grassroots, new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void Validate_BadCalendar_NamesEachProblem()
    {
        var bad = Year2026(0, 1, 1) with { AcceptanceStart = new DateOnly(2026, 10, 1), AcceptanceEnd = new DateOnly(2026, 9, 1) };
        Assert.Equal(["calendar.reminder_range", "calendar.reminder_duplicate", "calendar.window_order", "calendar.window_before_deadline"], bad.Validate().Select(e => e.Code));
        Assert.Empty(Year2026().Validate());
    }

    [Fact]
    public void Display_Date_ReadsNaturally() =>
        Assert.Equal("12月14日（周一）", CampaignCalendarPlanner.Display(new DateOnly(2026, 12, 14)));
}
