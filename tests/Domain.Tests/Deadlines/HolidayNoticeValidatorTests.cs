using GuanGong.Domain.Deadlines;

namespace GuanGong.Domain.Tests.Deadlines;

public sealed class HolidayNoticeValidatorTests
{
    private static HolidayNotice Notice(IReadOnlyList<HolidayPeriod>? holidays = null, IReadOnlyList<DateOnly>? makeUp = null) =>
        new(1, 2027, "测试用通知", null, holidays ?? [new("元旦", new(2027, 1, 1), new(2027, 1, 1))], makeUp ?? []);

    [Fact]
    public void Validate_Plausible_IsEmpty()
    {
        Assert.Empty(HolidayNoticeValidator.Validate(Notice()));
    }

    [Fact]
    public void Validate_MakeUpDayOnWeekday_Fails()
    {
        var error = Assert.Single(HolidayNoticeValidator.Validate(Notice(makeUp: [new(2027, 1, 6)])));

        Assert.Equal("makeUpWorkingDays[0]", error.Path);
        Assert.Equal("calendar.makeup_not_weekend", error.Code);
    }

    [Fact]
    public void Validate_ReversedAndOverlappingAndOutsideYear_AllReported()
    {
        var errors = HolidayNoticeValidator.Validate(Notice(
        [
            new("春节", new(2027, 2, 10), new(2027, 2, 5)),
            new("元旦", new(2027, 1, 1), new(2027, 1, 3)),
            new("元旦重复", new(2027, 1, 3), new(2027, 1, 4)),
            new("错年", new(2028, 1, 1), new(2028, 1, 1)),
        ]));

        Assert.Equal(["holidays[0].end", "holidays[2]", "holidays[3].start"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Validate_NewYearStartingInLastDaysOfPreviousYear_IsAllowed()
    {
        Assert.Empty(HolidayNoticeValidator.Validate(Notice([new("元旦", new(2026, 12, 31), new(2027, 1, 2))])));
    }

    [Fact]
    public void Parse_BadJson_ReportsError()
    {
        Assert.Equal("calendar.json_invalid", Assert.Single(HolidayNoticeLoader.Parse("{\"year\": }").Errors).Code);
    }

    [Fact]
    public void Create_DuplicateYear_Fails()
    {
        Assert.False(HolidayCalendar.Create([Notice(), Notice()]).IsSuccess);
    }
}
