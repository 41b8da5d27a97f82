using System.Globalization;
using CsvHelper;

namespace GuanGong.Functions.Exports;

/// <summary>
/// RFC 4180 CSV written by CsvHelper (quoting, escaping, line ends), in UTF-8 with a byte-order mark:
/// Excel on Chinese Windows opens BOM-less UTF-8 as GBK and shows mojibake. Cells that a spreadsheet
/// would run as a formula are prefixed with an apostrophe (CSV injection: a unit name "=HYPERLINK(...)"
/// must stay text), but numbers such as -3 stay numbers, which CsvHelper's own injection guard would not allow.
/// </summary>
public static class CsvFile
{
    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            WriteRow(csv, header);
            foreach (var row in rows)
            {
                WriteRow(csv, row);
            }
        }

        return stream.ToArray();
    }

    private static void WriteRow(CsvWriter csv, IReadOnlyList<string?> row)
    {
        foreach (var cell in row)
        {
            csv.WriteField(SpreadsheetText.Neutralise(cell ?? string.Empty));
        }

        csv.EndRecord();
    }
}
