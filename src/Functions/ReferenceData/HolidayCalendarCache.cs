using GuanGong.Domain.Deadlines;
using GuanGong.Functions.Calendars;

namespace GuanGong.Functions.ReferenceData;

/// <summary>
/// The holiday calendar as the workflow reads it (every task opened plans its deadlines on it): held
/// for at most <c>GuanGong:ReferenceData:MaxAge</c>; a notice loaded through this host is seen at once
/// (the admin function calls <see cref="Invalidate"/>), one loaded through another host within the bound.
/// </summary>
public sealed class HolidayCalendarCache(CalendarSource source, TimeProvider time, IConfiguration configuration)
{
    private readonly ReferenceCache<int, HolidayCalendar> _cache = new(time, ReferenceDataSettings.MaxAge(configuration));

    public Task<HolidayCalendar> GetAsync(CancellationToken cancellationToken) =>
        _cache.GetAsync(0, source.GetAsync, cancellationToken);

    public void Invalidate() => _cache.Clear();
}
