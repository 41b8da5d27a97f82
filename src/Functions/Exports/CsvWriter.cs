using System.Text;

namespace GuanGong.Functions.Exports;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte-order mark: Excel on Chinese Windows opens BOM-less UTF-8 as
/// GBK and shows mojibake. Cells that a spreadsheet would run as a formula are prefixed with an
/// apostrophe (CSV injection: a unit name "=HYPERLINK(...)" must stay text).
/// </summary>
public static class CsvWriter
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string?> row)
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var cell = SpreadsheetText.Neutralise(row[i] ?? string.Empty);
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(cell);
            }
        }

        text.Append("\r\n");
    }
}
