using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Calendar;

/// <summary>One dated entry of a campaign year, for the level that must act on it.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Level">Who acts: grassroots units submit, townships and the county check and accept.</param>
/// <param name="Title">The entry in Chinese, e.g. 第二季度乡镇检查.</param>
/// <param name="Start">The first day it applies (for a single day, that day).</param>
/// <param name="End">The last day it applies (inclusive; for a single day, that day).</param>
/// <param name="Provisional">True when a date lies in a year whose holiday notice is not loaded (working days counted as plain weekdays).</param>
public sealed record CalendarEntry(CalendarEntryKind Kind, CommitteeLevel Level, string Title, DateOnly Start, DateOnly End, bool Provisional)
{
    /// <summary>The working days before the deadline, for a reminder.</summary>
    public int? WorkingDaysBefore { get; init; }
}
