using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace GuanGong.Functions.Exports;

/// <summary>
/// A one-sheet Excel workbook written by MiniExcel: numbers are numeric cells, everything else text, the
/// first row the header. MiniExcel writes rows as it goes (no whole-sheet object model), which suits
/// exports of a few thousand units on a small consumption instance.
/// </summary>
public static class XlsxFile
{
    /// <summary>A cell: text, or a number when <see cref="Number"/> is set.</summary>
    public readonly record struct Cell(string? Text, double? Number)
    {
        public static implicit operator Cell(string? text) => new(text, null);

        public static implicit operator Cell(double number) => new(null, number);

        internal object Value => Number is { } n ? n : Clean(Text ?? string.Empty);
    }

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var names = header.Select(Clean).ToList();
        var records = rows.Select(row =>
        {
            var record = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                record[names[i]] = i < row.Count ? row[i].Value : string.Empty;
            }

            return record;
        });
        using var stream = new MemoryStream();
        stream.SaveAs(records, printHeader: true, sheetName: SheetName(sheetName), excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true });
        return stream.ToArray();
    }

    // Excel refuses : \ / ? * [ ] in a sheet name and more than 31 characters.
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => !char.IsControl(c) && ":\\/?*[]".IndexOf(c, StringComparison.Ordinal) < 0)]);
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(clean.Length, 31)];
    }

    // XML cannot carry most control characters: they go.
    private static string Clean(string text) => new([.. text.Where(c => !char.IsControl(c) || c is '\n' or '\t')]);
}
