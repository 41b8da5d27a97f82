using System.Text.Json.Serialization;

namespace GuanGong.Domain.Deadlines;

/// <summary>A deadline: the local due date, the instant it passes, and whether it relied on an unconfirmed calendar year.</summary>
/// <param name="DueDate">The last working day (China local date).</param>
/// <param name="DueAt">The instant the deadline passes: the end of <paramref name="DueDate"/> in China Standard Time (see <see cref="ChinaTime"/>).</param>
/// <param name="UnconfirmedYears">Years counted without a loaded holiday notice (plain weekdays).</param>
public sealed record DeadlineResult(DateOnly DueDate, DateTimeOffset DueAt, IReadOnlyList<int> UnconfirmedYears)
{
    /// <summary>True when the date is provisional: show "按工作日估算，待节假日安排公布后确认" next to it.</summary>
    [JsonIgnore]
    public bool UsesUnconfirmedCalendarYears => UnconfirmedYears.Count > 0;
}
