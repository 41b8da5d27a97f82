namespace GuanGong.Domain.Deadlines;

/// <summary>
/// The working-day calendar: Monday to Friday, minus the official holidays, plus the make-up working days, for the
/// years whose notice is loaded. A year without a notice is never guessed: its plain weekdays count as working days
/// and every result that relied on it says so (<see cref="WorkingDayResult.UnconfirmedYears"/>). Immutable.
/// </summary>
public sealed class HolidayCalendar
{
    private static readonly Lazy<HolidayCalendar> OfficialCalendar = new(() => new HolidayCalendar(HolidayNoticeLoader.Embedded()));

    private readonly Dictionary<int, HolidayNotice> _notices;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpDays;

    private HolidayCalendar(IEnumerable<HolidayNotice> notices)
    {
        _notices = notices.ToDictionary(n => n.Year);
        _holidays = [.. _notices.Values.SelectMany(n => n.Holidays).SelectMany(h => h.Days())];
        _makeUpDays = [.. _notices.Values.SelectMany(n => n.MakeUpWorkingDays)];
    }

    /// <summary>The calendar of the notices shipped with the project (2025 and 2026).</summary>
    public static HolidayCalendar Official => OfficialCalendar.Value;

    /// <summary>A calendar with no notices: every year is unconfirmed, weekdays only.</summary>
    public static HolidayCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>The years whose notice is loaded.</summary>
    public IReadOnlyCollection<int> ConfirmedYears => _notices.Keys;

    /// <summary>The loaded notices, by year.</summary>
    public IReadOnlyCollection<HolidayNotice> Notices => _notices.Values;

    /// <summary>Builds a calendar from notices; each must be valid and years unique.</summary>
    /// <param name="notices">The notices.</param>
    public static Result<HolidayCalendar> Create(IEnumerable<HolidayNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var list = notices.ToList();
        var errors = list.SelectMany((n, i) => HolidayNoticeValidator.Validate(n).Select(e => e.Under($"notices[{i}]"))).ToList();
        errors.AddRange(list.GroupBy(n => n.Year).Where(g => g.Count() > 1).Select(g =>
            new ValidationError("notices", "calendar.year_duplicate", $"{g.Key} 年的通知重复。", $"The year {g.Key} is loaded twice.")));
        return errors.Count == 0 ? Result<HolidayCalendar>.Success(new HolidayCalendar(list)) : Result<HolidayCalendar>.Failure(errors);
    }

    /// <summary>A new calendar with <paramref name="notice"/> loaded (replacing a notice of the same year, e.g. a correction).</summary>
    /// <param name="notice">The year's notice.</param>
    public Result<HolidayCalendar> WithNotice(HolidayNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var errors = HolidayNoticeValidator.Validate(notice);
        return errors.Count > 0
            ? Result<HolidayCalendar>.Failure(errors)
            : Result<HolidayCalendar>.Success(new HolidayCalendar(_notices.Values.Where(n => n.Year != notice.Year).Append(notice)));
    }

    /// <summary>True when the notice for <paramref name="year"/> is loaded.</summary>
    /// <param name="year">The year.</param>
    public bool IsConfirmed(int year) => _notices.ContainsKey(year);

    /// <summary>True when <paramref name="date"/> is a working day (for an unconfirmed year: a plain weekday).</summary>
    /// <param name="date">The date (China local).</param>
    public bool IsWorkingDay(DateOnly date) =>
        _makeUpDays.Contains(date)
        || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date));

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/>: counting starts on the day
    /// after <paramref name="start"/>, so 1 working day after a Friday is the next Monday (or a make-up Saturday).
    /// </summary>
    /// <param name="start">The day the period starts (not counted).</param>
    /// <param name="workingDays">At least 1.</param>
    public WorkingDayResult AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var years = new SortedSet<int>();
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            Note(date, years);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return new WorkingDayResult(date, [.. years]);
    }

    /// <summary>
    /// The working day <paramref name="workingDays"/> working days before <paramref name="end"/> (for reminders):
    /// 1 working day before a Monday is the previous Friday.
    /// </summary>
    /// <param name="end">The reference day (not counted).</param>
    /// <param name="workingDays">At least 1.</param>
    public WorkingDayResult SubtractWorkingDays(DateOnly end, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var years = new SortedSet<int>();
        var date = end;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(-1);
            Note(date, years);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return new WorkingDayResult(date, [.. years]);
    }

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    /// <param name="from">The start (not counted).</param>
    /// <param name="to">The end (counted).</param>
    public WorkingDayCount CountWorkingDays(DateOnly from, DateOnly to)
    {
        var years = new SortedSet<int>();
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            Note(d, years);
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return new WorkingDayCount(count, [.. years]);
    }

    private void Note(DateOnly date, SortedSet<int> unconfirmed)
    {
        if (!IsConfirmed(date.Year))
        {
            unconfirmed.Add(date.Year);
        }
    }
}
