using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace GuanGong.Functions.Exports;

/// <summary>
/// A minimal, valid Office Open XML workbook with one sheet: the parts Excel, WPS and LibreOffice
/// require and nothing else. Numbers are numeric cells, everything else inline strings, the header
/// row bold and frozen. (No spreadsheet package is needed for this, and none is taken on.)
/// </summary>
public static class XlsxWriter
{
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A cell: text, or a number when <see cref="Number"/> is set.</summary>
    public readonly record struct Cell(string? Text, double? Number)
    {
        public static implicit operator Cell(string? text) => new(text, null);

        public static implicit operator Cell(double number) => new(null, number);
    }

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
            Part(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>""");
            WriteXml(zip, "xl/workbook.xml", xml =>
            {
                xml.WriteStartElement("workbook", SheetNs);
                xml.WriteAttributeString("xmlns", "r", null, RelNs);
                xml.WriteStartElement("sheets", SheetNs);
                xml.WriteStartElement("sheet", SheetNs);
                xml.WriteAttributeString("name", SheetName(sheetName));
                xml.WriteAttributeString("sheetId", "1");
                xml.WriteAttributeString("id", RelNs, "rId1");
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
            });
            WriteXml(zip, "xl/worksheets/sheet1.xml", xml => WriteSheet(xml, header, rows));
        }

        return buffer.ToArray();
    }

    private static void WriteSheet(XmlWriter xml, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        xml.WriteStartElement("worksheet", SheetNs);
        xml.WriteStartElement("sheetViews", SheetNs);
        xml.WriteStartElement("sheetView", SheetNs);
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane", SheetNs);
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", SheetNs);
        WriteRow(xml, 1, header.Select(h => (Cell)h).ToList(), bold: true);
        var index = 2;
        foreach (var row in rows)
        {
            WriteRow(xml, index++, row, bold: false);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, int rowIndex, IReadOnlyList<Cell> cells, bool bold)
    {
        xml.WriteStartElement("row", SheetNs);
        xml.WriteAttributeString("r", rowIndex.ToString(CultureInfo.InvariantCulture));
        for (var column = 0; column < cells.Count; column++)
        {
            var cell = cells[column];
            xml.WriteStartElement("c", SheetNs);
            xml.WriteAttributeString("r", ColumnName(column) + rowIndex.ToString(CultureInfo.InvariantCulture));
            if (bold)
            {
                xml.WriteAttributeString("s", "1");
            }

            if (cell.Number is { } number)
            {
                xml.WriteElementString("v", SheetNs, number.ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", SheetNs);
                xml.WriteStartElement("t", SheetNs);
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(XmlSafe(SpreadsheetText.Neutralise(cell.Text ?? string.Empty)));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>A1-style column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    // Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => ":\\/?*[]".IndexOf(c, StringComparison.Ordinal) < 0)]);
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    // XML 1.0 cannot carry most control characters; a stray one in a unit's notes must not corrupt the file.
    private static string XmlSafe(string text) => new([.. text.Where(XmlConvert.IsXmlChar)]);

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new System.Text.UTF8Encoding(false));
        writer.Write(content);
    }

    private static void WriteXml(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }
}
