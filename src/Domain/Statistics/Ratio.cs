using System.Globalization;
using System.Text.Json.Serialization;

namespace GuanGong.Domain.Statistics;

/// <summary>
/// A count out of a count, shown as a percentage with exactly one decimal place, rounded half away from zero
/// (四舍五入): 60/67 = 89.55…% shows as 89.6%, 60/80 as 75.0%, 127/128 as 99.2%. Comparisons with targets use the
/// exact counts, never the rounded figure.
/// </summary>
/// <param name="Numerator">The count that qualifies.</param>
/// <param name="Denominator">The count it is out of.</param>
public sealed record Ratio(int Numerator, int Denominator)
{
    /// <summary>The rounded percentage (one decimal place); null when the denominator is 0.</summary>
    [JsonIgnore]
    public decimal? Percent => Denominator == 0
        ? null
        : Math.Round(100m * Numerator / Denominator, 1, MidpointRounding.AwayFromZero);

    /// <summary>The percentage as shown on pages and reports, e.g. <c>89.6%</c>; <c>—</c> when the denominator is 0.</summary>
    [JsonIgnore]
    public string Display => Percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <inheritdoc />
    public override string ToString() => $"{Numerator}/{Denominator} = {Display}";
}
