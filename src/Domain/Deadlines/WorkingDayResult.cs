using System.Text.Json.Serialization;

namespace GuanGong.Domain.Deadlines;

/// <summary>A date found by counting working days, and the years whose holidays were not loaded when counting.</summary>
/// <param name="Date">The date (China local).</param>
/// <param name="UnconfirmedYears">Years crossed whose notice is not loaded; their plain weekdays were counted.</param>
public sealed record WorkingDayResult(DateOnly Date, IReadOnlyList<int> UnconfirmedYears)
{
    /// <summary>True when the count crossed a year without a loaded notice: show the date as provisional.</summary>
    [JsonIgnore]
    public bool UsesUnconfirmedCalendarYears => UnconfirmedYears.Count > 0;
}
