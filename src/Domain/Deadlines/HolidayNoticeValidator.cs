namespace GuanGong.Domain.Deadlines;

/// <summary>
/// Checks a holiday notice an administrator is loading: a plausible year, named periods with start ≤ end inside the
/// year (a New Year holiday may begin in the last week of the previous year), no overlaps, make-up working days that
/// are Saturdays or Sundays and not also holidays.
/// </summary>
public static class HolidayNoticeValidator
{
    /// <summary>Validates a notice; empty means it can be loaded.</summary>
    /// <param name="notice">The notice.</param>
    public static IReadOnlyList<ValidationError> Validate(HolidayNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var errors = new List<ValidationError>();
        if (notice.SchemaVersion != HolidayNotice.CurrentSchemaVersion)
        {
            errors.Add(new("schemaVersion", "calendar.schema_unsupported", $"不支持的格式版本 {notice.SchemaVersion}。", $"Schema version {notice.SchemaVersion} is not supported."));
        }

        if (notice.Year is < 2000 or > 2100)
        {
            errors.Add(new("year", "calendar.year_out_of_range", "年份必须在 2000 到 2100 之间。", "The year must be between 2000 and 2100."));
            return errors;
        }

        if (string.IsNullOrWhiteSpace(notice.Source))
        {
            errors.Add(new("source", "calendar.source_missing", "请填写通知名称或文号。", "The notice's title or number is missing."));
        }

        if (notice.Holidays.Count == 0)
        {
            errors.Add(new("holidays", "calendar.holidays_empty", "节假日不能为空。", "The notice lists no holidays."));
        }

        var earliest = new DateOnly(notice.Year - 1, 12, 25);
        var latest = new DateOnly(notice.Year, 12, 31);
        var days = new HashSet<DateOnly>();
        for (var i = 0; i < notice.Holidays.Count; i++)
        {
            var h = notice.Holidays[i];
            var at = $"holidays[{i}]";
            if (string.IsNullOrWhiteSpace(h.Name))
            {
                errors.Add(new($"{at}.name", "calendar.name_missing", "节日名称不能为空。", "The holiday's name is missing."));
            }

            if (h.End < h.Start)
            {
                errors.Add(new($"{at}.end", "calendar.range_reversed", "结束日期早于开始日期。", "The end date is before the start date."));
                continue;
            }

            if (h.Start < earliest || h.End > latest)
            {
                errors.Add(new($"{at}.start", "calendar.date_outside_year", $"日期不在 {notice.Year} 年内。", $"The dates are outside {notice.Year}."));
                continue;
            }

            if (h.Days().Any(d => !days.Add(d)))
            {
                errors.Add(new(at, "calendar.overlap", "与其他节假日重叠。", "The period overlaps another holiday."));
            }
        }

        var makeUp = new HashSet<DateOnly>();
        for (var i = 0; i < notice.MakeUpWorkingDays.Count; i++)
        {
            var d = notice.MakeUpWorkingDays[i];
            var at = $"makeUpWorkingDays[{i}]";
            if (d < earliest || d > latest)
            {
                errors.Add(new(at, "calendar.date_outside_year", $"日期不在 {notice.Year} 年内。", $"The date is outside {notice.Year}."));
            }
            else if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add(new(at, "calendar.makeup_not_weekend", $"{d:yyyy-MM-dd} 不是周末，无需调休上班。", $"{d:yyyy-MM-dd} is not a weekend day."));
            }
            else if (days.Contains(d))
            {
                errors.Add(new(at, "calendar.makeup_is_holiday", $"{d:yyyy-MM-dd} 同时是节假日。", $"{d:yyyy-MM-dd} is also a holiday."));
            }
            else if (!makeUp.Add(d))
            {
                errors.Add(new(at, "calendar.makeup_duplicate", $"{d:yyyy-MM-dd} 重复。", $"{d:yyyy-MM-dd} is listed twice."));
            }
        }

        return errors;
    }
}
