namespace GuanGong.Domain.Deadlines;

/// <summary>
/// One year's public-holiday arrangement as published by the State Council each November (国务院办公厅关于某年部分节假日安排的通知),
/// held as data. 2025 and 2026 ship with the project (<see cref="HolidayCalendar.Official"/>); an administrator loads later
/// years with <see cref="HolidayNoticeLoader.Parse"/>. Persisted as JSON.
/// </summary>
/// <param name="SchemaVersion">Version of this JSON shape; <see cref="CurrentSchemaVersion"/> today.</param>
/// <param name="Year">The year the notice covers.</param>
/// <param name="Source">The notice's title or document number, so a reader can check it.</param>
/// <param name="PublishedOn">When the notice was published.</param>
/// <param name="Holidays">The days off (weekends inside a period are listed as part of it, as the notice does).</param>
/// <param name="MakeUpWorkingDays">Weekend days declared working days (调休上班).</param>
public sealed record HolidayNotice(
    int SchemaVersion,
    int Year,
    string Source,
    DateOnly? PublishedOn,
    IReadOnlyList<HolidayPeriod> Holidays,
    IReadOnlyList<DateOnly> MakeUpWorkingDays)
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;
}
