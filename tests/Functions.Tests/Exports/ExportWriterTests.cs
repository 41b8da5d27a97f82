using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using GuanGong.Functions.Exports;

namespace GuanGong.Functions.Tests.Exports;

public sealed class ExportWriterTests
{
    [Fact]
    public void CsvWriter_ChineseQuotesAndFormulas_WritesBomQuotedAndNeutralised()
    {
        var bytes = CsvWriter.Write(["单位", "得分", "备注"], [["红星村,一组", "96.5", "=HYPERLINK(\"x\")"], ["张庄\"小学\"", "-3", null]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal("单位,得分,备注\r\n\"红星村,一组\",96.5,\"'=HYPERLINK(\"\"x\"\")\"\r\n\"张庄\"\"小学\"\"\",-3,\r\n", text);
    }

    [Fact]
    public void XlsxWriter_Rows_ProducesWorkbookWithNumbersAndInlineStrings()
    {
        var bytes = XlsxWriter.Write("达标率/2026", ["乡镇", "达标率"], [["城关镇", 89.6], ["东风镇\u0001", 75.0]]);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        var workbook = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        Assert.Equal("达标率2026", workbook.Descendants(ns + "sheet").Single().Attribute("name")!.Value);
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var cells = sheet.Descendants(ns + "c").ToList();
        Assert.Equal(["A1", "B1", "A2", "B2", "A3", "B3"], cells.Select(c => c.Attribute("r")!.Value));
        Assert.Equal("89.6", cells[3].Element(ns + "v")!.Value);
        Assert.Equal("东风镇", cells[4].Descendants(ns + "t").Single().Value);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_Index_ReturnsA1Letters(int index, string expected)
    {
        Assert.Equal(expected, XlsxWriter.ColumnName(index));
    }
}
