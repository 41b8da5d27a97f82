using GuanGong.Domain.Deadlines;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Calendars;

/// <summary>
/// The holiday calendar deadlines are counted on: the notices shipped with the domain (2025, 2026)
/// plus any an administrator loaded later (table ggHolidays, one row per year). A year with no
/// notice is never guessed: the domain counts plain weekdays for it and flags the result.
/// </summary>
public sealed class CalendarSource(AppTables tables)
{
    private const string Partition = "notice";

    public async Task<HolidayCalendar> GetAsync(CancellationToken cancellationToken)
    {
        var calendar = HolidayCalendar.Official;
        foreach (var stored in await tables.Holidays.ListPartitionAsync(Partition, cancellationToken))
        {
            var with = calendar.WithNotice(stored.Value);
            if (with.IsSuccess)
            {
                calendar = with.Value;
            }
        }

        return calendar;
    }

    /// <summary>The years an administrator loaded (over or beside the shipped ones).</summary>
    public async Task<IReadOnlyCollection<int>> LoadedYearsAsync(CancellationToken cancellationToken) =>
        [.. (await tables.Holidays.ListPartitionAsync(Partition, cancellationToken)).Select(n => n.Value.Year)];

    public Task SaveAsync(HolidayNotice notice, CancellationToken cancellationToken) =>
        tables.Holidays.UpsertAsync(Partition, notice.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), notice, cancellationToken: cancellationToken);
}
