using GuanGong.Domain.Deadlines;

namespace GuanGong.Functions.Calendars;

/// <summary>The holiday calendar deadlines are counted on, as the API and the admin page show it.</summary>
/// <param name="ConfirmedYears">The years whose State Council notice is loaded.</param>
/// <param name="Notices">Each loaded notice, by year.</param>
/// <param name="Rule">What happens to a year without a notice.</param>
public sealed record HolidayCalendarView(IReadOnlyList<int> ConfirmedYears, IReadOnlyList<HolidayNoticeView> Notices, string Rule)
{
    public const string UnconfirmedRule = "未录入国务院节假日安排通知的年份，按周一至周五计算工作日，相关期限均标注为暂定。";

    public static HolidayCalendarView Of(HolidayCalendar calendar, IReadOnlyCollection<int> loadedYears)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(loadedYears);
        return new(
            [.. calendar.ConfirmedYears.Order()],
            [.. calendar.Notices.OrderBy(n => n.Year).Select(n => new HolidayNoticeView(
                n.Year, n.Source, n.PublishedOn, loadedYears.Contains(n.Year) ? "loaded" : "shipped", n.Holidays, n.MakeUpWorkingDays))],
            UnconfirmedRule);
    }
}

/// <summary>One year's notice: where it came from (<c>shipped</c> with the app, or <c>loaded</c> by an administrator).</summary>
public sealed record HolidayNoticeView(int Year, string Source, DateOnly? PublishedOn, string Origin, IReadOnlyList<HolidayPeriod> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays);
