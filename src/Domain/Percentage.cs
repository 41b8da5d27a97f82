using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuanGong.Domain;

/// <summary>
/// A share stated as a percentage between 0 and 100 inclusive (e.g. the township rule "≥ 80%", a look-back ratio of
/// 10%). Serialized as a plain JSON number (<c>80</c>). Comparisons with counts are exact decimal arithmetic, never
/// floating point: 56 of 70 meets 80% exactly.
/// </summary>
[JsonConverter(typeof(PercentageJsonConverter))]
public readonly record struct Percentage
{
    /// <summary>Creates a percentage; throws <see cref="ArgumentOutOfRangeException"/> outside 0..100.</summary>
    /// <param name="value">The percentage, e.g. 80 for 80%.</param>
    public Percentage(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 100m);
        Value = value;
    }

    /// <summary>The percentage, 0..100.</summary>
    public decimal Value { get; }

    /// <summary>The share as a fraction, 0..1.</summary>
    public decimal Fraction => Value / 100m;

    /// <summary>True when <paramref name="part"/> of <paramref name="whole"/> is at least this share (exact). With a whole of 0, only 0% is met.</summary>
    /// <param name="part">The count that qualifies.</param>
    /// <param name="whole">The count it is a share of.</param>
    public bool IsMetBy(int part, int whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfLessThan(whole, part);
        return part * 100m >= Value * whole;
    }

    /// <summary>The smallest count out of <paramref name="whole"/> that meets this share: ⌈whole × share⌉.</summary>
    /// <param name="whole">The count it is a share of.</param>
    public int MinimumCountOf(int whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(whole);
        return (int)Math.Ceiling(whole * Value / 100m);
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>Reads and writes a <see cref="Percentage"/> as a plain number.</summary>
    private sealed class PercentageJsonConverter : JsonConverter<Percentage>
    {
        public override Percentage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetDecimal();
            return value is < 0 or > 100
                ? throw new JsonException($"A percentage must be between 0 and 100, not {value}.")
                : new Percentage(value);
        }

        public override void Write(Utf8JsonWriter writer, Percentage value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.Value);
    }
}
