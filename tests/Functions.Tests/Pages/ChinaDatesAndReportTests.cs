using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Pages;

namespace GuanGong.Functions.Tests.Pages;

public sealed class ChinaDatesAndReportTests
{
    [Fact]
    public void Deadline_AtMidnightBeijing_ReadsAsTheEndOfThePreviousDay()
    {
        // 2026-12-16 00:00 in Beijing is 2026-12-15 16:00 UTC: the end of Tuesday the 15th.
        var due = new DateTimeOffset(2026, 12, 15, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal("12月15日（周二）24:00 前", ChinaDates.Deadline(due));
    }

    [Fact]
    public void Deadline_DuringTheDay_ReadsWithItsTime()
    {
        Assert.Equal("12月14日（周一）17:30 前", ChinaDates.Deadline(new DateTimeOffset(2026, 12, 14, 9, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void When_UtcInstant_ReadsInBeijingTimeWithTheWeekday()
    {
        Assert.Equal("2026年12月8日（周二）07:05", ChinaDates.When(new DateTimeOffset(2026, 12, 7, 23, 5, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void LegacyCaseNumber_HidesTheUnitCodeAndIsStable()
    {
        var number = CaseNumbers.Legacy("2026-V1-ab12cd34");

        Assert.Matches("^2026-[0-9]{8}$", number);
        Assert.DoesNotContain("V1", number, StringComparison.Ordinal);
        Assert.Equal(number, CaseNumbers.Legacy("2026-V1-ab12cd34"));
    }

    [Fact]
    public void SelfReportDocument_ToDocx_OpensAndReadsBackInOrder()
    {
        var report = new SelfReportDocument(
            "第1村关工委关于2026年度“五好基层关工委”创建工作的自查报告",
            "城关镇关工委",
            "现将自查情况报告如下：",
            [new SelfReportDocument.Section("一、党委支持情况", ["镇党委每季度听取汇报。", "经费列入预算。"])],
            "第1村关工委",
            "2026年12月7日");

        using var word = WordprocessingDocument.Open(new MemoryStream(report.ToDocx()), false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();

        Assert.Equal(
            ["第1村关工委关于2026年度“五好基层关工委”创建工作的自查报告", "城关镇关工委：", "现将自查情况报告如下：", "一、党委支持情况", "镇党委每季度听取汇报。", "经费列入预算。", "第1村关工委（盖章）", "2026年12月7日"],
            paragraphs);
    }
}
