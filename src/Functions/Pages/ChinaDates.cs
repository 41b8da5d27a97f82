using System.Globalization;
using GuanGong.Domain.Deadlines;

namespace GuanGong.Functions.Pages;

/// <summary>
/// Dates as people read them, in Beijing time: an event is “2026年12月7日（周一）09:30”, a deadline is
/// “12月15日（周一）24:00 前”. A deadline at 00:00 of day D is the end of day D-1, so it is written as
/// D-1's 24:00 rather than “16日 00:00”, which readers take for the start of the 16th.
/// </summary>
public static class ChinaDates
{
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    /// <summary>When something happened: 2026年12月7日（周一）09:30.</summary>
    public static string When(DateTimeOffset instant)
    {
        var local = instant.ToOffset(ChinaTime.Offset);
        return $"{Day(local.Date)}（{Weekdays[(int)local.DayOfWeek]}）{local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>By when something must be done: 12月15日（周一）24:00 前, or 12月15日（周一）17:30 前.</summary>
    public static string Deadline(DateTimeOffset due)
    {
        var local = due.ToOffset(ChinaTime.Offset);
        if (local.TimeOfDay == TimeSpan.Zero)
        {
            var day = local.Date.AddDays(-1);
            return $"{day.Month}月{day.Day}日（{Weekdays[(int)day.DayOfWeek]}）24:00 前";
        }

        return $"{local.Month}月{local.Day}日（{Weekdays[(int)local.DayOfWeek]}）{local.ToString("HH:mm", CultureInfo.InvariantCulture)} 前";
    }

    /// <summary>A date on a signed document: 2026年12月7日.</summary>
    public static string Date(DateTimeOffset instant) => Day(instant.ToOffset(ChinaTime.Offset).Date);

    private static string Day(DateTime date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
