using System.Text;
using GuanGong.Functions.Exports;
using MiniExcelLibs;

namespace GuanGong.Functions.Tests.Exports;

public sealed class ExportWriterTests
{
    [Fact]
    public void CsvFile_ChineseQuotesAndFormulas_WritesBomQuotedAndNeutralised()
    {
        var bytes = CsvFile.Write(["单位", "得分", "备注"], [["红星村,一组", "96.5", "=HYPERLINK(\"x\")"], ["张庄\"小学\"", "-3", null]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal("单位,得分,备注\r\n\"红星村,一组\",96.5,\"'=HYPERLINK(\"\"x\"\")\"\r\n\"张庄\"\"小学\"\"\",-3,\r\n", text);
    }

    [Fact]
    public void XlsxFile_Rows_ReadBackWithNumbersTextAndACleanSheetName()
    {
        var bytes = XlsxFile.Write("达标率/2026", ["乡镇", "达标率"], [["城关镇", 89.6], ["东风镇\u0001", 75.0]]);

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["达标率2026"], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("城关镇", rows[0]["乡镇"]);
        Assert.Equal(89.6, Convert.ToDouble(rows[0]["达标率"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("东风镇", rows[1]["乡镇"]);
    }
}
