using GuanGong.Domain.Deadlines;

namespace GuanGong.Domain.Tests.Deadlines;

public sealed class HolidayCalendarTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendar.Official;

    [Fact]
    public void Official_Has2025And2026()
    {
        Assert.Equal([2025, 2026], Calendar.ConfirmedYears.Order());
    }

    [Fact]
    public void AddWorkingDays_FiveFromFridayBeforeSpringFestival2026_SkipsTheHolidayWeek()
    {
        // Fri 13 Feb; Sat 14 Feb is a make-up working day; 15-23 Feb are off; then Tue 24 .. Fri 27.
        var result = Calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 5);

        Assert.Equal(new DateOnly(2026, 2, 27), result.Date);
        Assert.False(result.UsesUnconfirmedCalendarYears);
        Assert.Equal(new DateOnly(2026, 2, 20), HolidayCalendar.WeekdaysOnly.AddWorkingDays(new DateOnly(2026, 2, 13), 5).Date);
    }

    [Theory]
    [InlineData("2026-02-14", true)]  // Saturday, make-up working day
    [InlineData("2026-02-28", true)]  // Saturday, make-up working day
    [InlineData("2026-02-15", false)] // Spring Festival
    [InlineData("2026-02-23", false)] // Monday, last day of the Spring Festival
    [InlineData("2026-02-24", true)]
    [InlineData("2026-01-02", false)] // New Year, Friday
    [InlineData("2026-01-04", true)]  // Sunday, make-up
    [InlineData("2026-06-19", false)] // Dragon Boat
    [InlineData("2026-09-25", false)] // Mid-Autumn
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-10", true)]  // Saturday, make-up
    [InlineData("2026-03-07", false)] // ordinary Saturday
    [InlineData("2025-01-28", false)] // Spring Festival 2025
    [InlineData("2025-02-04", false)]
    [InlineData("2025-01-26", true)]  // Sunday, make-up
    [InlineData("2025-02-08", true)]
    [InlineData("2025-04-27", true)]
    [InlineData("2025-05-05", false)]
    [InlineData("2025-06-02", false)]
    [InlineData("2025-09-28", true)]
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-11", true)]
    public void IsWorkingDay_MatchesStateCouncilNotices(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AddWorkingDays_NationalDay2025_SkipsEightDaysAndCountsMakeUpSaturday()
    {
        // Tue 30 Sep; 1-8 Oct off; Thu 9, Fri 10, Sat 11 (make-up) are working days.
        Assert.Equal(new DateOnly(2025, 10, 11), Calendar.AddWorkingDays(new DateOnly(2025, 9, 30), 3).Date);
    }

    [Fact]
    public void AddWorkingDays_IntoYearNotLoaded_CountsWeekdaysAndFlagsTheYear()
    {
        var result = Calendar.AddWorkingDays(new DateOnly(2026, 12, 28), 5);

        Assert.Equal(new DateOnly(2027, 1, 4), result.Date);
        Assert.True(result.UsesUnconfirmedCalendarYears);
        Assert.Equal([2027], result.UnconfirmedYears);
    }

    [Fact]
    public void WithNotice_AdminLoadsNextYear_FlagDisappearsAndHolidaysApply()
    {
        // Test data shaped like a notice; not the real 2027 arrangement.
        var json = """
            {"schemaVersion":1,"year":2027,"source":"测试用通知","publishedOn":"2026-11-10",
             "holidays":[{"name":"元旦","start":"2027-01-01","end":"2027-01-03"}],
             "makeUpWorkingDays":["2027-01-09"]}
            """;
        var notice = HolidayNoticeLoader.Parse(json).Value;

        var calendar = Calendar.WithNotice(notice).Value;
        var result = calendar.AddWorkingDays(new DateOnly(2026, 12, 28), 5);

        Assert.False(result.UsesUnconfirmedCalendarYears);
        Assert.Equal(new DateOnly(2027, 1, 5), result.Date); // 29, 30, 31 Dec, (1 Jan now off), 4, 5 Jan
        Assert.False(Calendar.IsConfirmed(2027));
        Assert.True(calendar.IsConfirmed(2027));
    }

    [Fact]
    public void SubtractWorkingDays_OneBeforeTuesdayAfterSpringFestival_IsMakeUpSaturday()
    {
        Assert.Equal(new DateOnly(2026, 2, 14), Calendar.SubtractWorkingDays(new DateOnly(2026, 2, 24), 1).Date);
    }

    [Fact]
    public void CountWorkingDays_February2026()
    {
        // 20 weekdays, minus 15-23 Feb's 6 weekdays (16-20, 23), plus the make-up Saturdays 14 and 28.
        Assert.Equal(16, Calendar.CountWorkingDays(new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28)).Count);
    }
}
