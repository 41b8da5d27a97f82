using System.Text.Json.Serialization;

namespace GuanGong.Domain.Deadlines;

/// <summary>A number of working days, and the years whose holidays were not loaded when counting.</summary>
/// <param name="Count">The working days.</param>
/// <param name="UnconfirmedYears">Years crossed whose notice is not loaded; their plain weekdays were counted.</param>
public sealed record WorkingDayCount(int Count, IReadOnlyList<int> UnconfirmedYears)
{
    /// <summary>True when the count crossed a year without a loaded notice.</summary>
    [JsonIgnore]
    public bool UsesUnconfirmedCalendarYears => UnconfirmedYears.Count > 0;
}
