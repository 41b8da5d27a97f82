using System.Globalization;

namespace GuanGong.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>
    /// Turns an interpolated string into an OData filter with every interpolated value written as a
    /// typed, escaped literal: <c>$"PartitionKey eq {pk} and Count ge {10L}"</c> becomes
    /// <c>PartitionKey eq 'o''brien' and Count ge 10L</c>. Strings get their quotes doubled, so a
    /// value can never change the filter's meaning. Mirrors the SDK's <c>TableClient.CreateQueryFilter</c>.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments();
        var literals = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            literals[i] = FormatLiteral(arguments[i]);
        }

        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>One value as an OData literal: <c>'s'</c>, <c>12</c>, <c>12L</c>, <c>1.5</c>, <c>true</c>, <c>datetime'…Z'</c>, <c>guid'…'</c>, <c>X'…'</c>.</summary>
    internal static string FormatLiteral(object? value) => value switch
    {
        null => throw new ArgumentException("A filter value cannot be null (Azure Tables does not store nulls); test for absence differently.", nameof(value)),
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        char c => "'" + (c == '\'' ? "''" : c.ToString()) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        DateTimeOffset dto => "datetime'" + TableEntityJson.FormatDateTime(dto) + "'",
        DateTime dt => "datetime'" + TableEntityJson.FormatDateTime(TableEntityJson.ToOffset(dt)) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        BinaryData data => "X'" + Convert.ToHexString(data.ToMemory().Span) + "'",
        Enum e => "'" + e.ToString() + "'",
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be a table filter value.", nameof(value)),
    };

    private static string FormatDouble(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("A filter value must be a finite number.", nameof(d));
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
