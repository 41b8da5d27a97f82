using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuanGong.Domain.Deadlines;

namespace GuanGong.Functions.Commendations;

/// <summary>
/// The naming decision (关于命名……的决定) as a Word document, laid out as an official notice is: the title centred in
/// 小标宋 (二号), the addressees, the decision, the units named grouped under the committee above them, the closing
/// words, and the sign-off (the organiser and the date) on the right. Written with the Open XML SDK.
/// </summary>
public static class NamingDecisionDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The decision's title, e.g. 关于命名2026年度“五好基层关工委”的决定.</summary>
    public static string Title(int year, string standardName) => $"关于命名{year}年度“{standardName}”的决定";

    public static byte[] Build(CommendationRecord record, string campaignName, string organiserName, string standardName)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(Title(record.Year, standardName), title: true));
            body.Append(Paragraph("各乡镇（街道）关工委，县直各单位关工委："));
            body.Append(Paragraph(
                $"根据《{campaignName}》的安排，经基层单位自评申报、乡镇（街道）关工委审核、{organiserName}验收，"
                + $"{organiserName}决定，命名以下 {record.Units.Count} 个单位为{record.Year}年度“{standardName}”。", indent: true));
            foreach (var group in record.Units.GroupBy(u => u.ParentName))
            {
                body.Append(Paragraph($"{group.Key}（{group.Count()}个）：{string.Join("、", group.Select(u => u.UnitName))}", indent: true));
            }

            body.Append(Paragraph(
                "希望受到命名的单位珍惜荣誉，巩固提高，充分发挥示范带动作用；各级关工委要以先进为榜样，进一步加强自身建设，推动关心下一代工作再上新台阶。"
                + "已命名的单位实行动态管理，经回头看检查不再符合标准的，撤销其命名。", indent: true));
            body.Append(Paragraph(string.Empty));
            body.Append(Paragraph(organiserName, right: true));
            var date = ChinaTime.DateOf(record.ApprovedAt);
            body.Append(Paragraph($"{date.Year}年{date.Month}月{date.Day}日", right: true));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1587U, Right = 1474U }));
            main.Document = new Document(body);
            document.PackageProperties.Title = Title(record.Year, standardName);
            document.PackageProperties.Creator = organiserName;
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool title = false, bool indent = false, bool right = false)
    {
        // Schema order inside w:pPr: spacing, indentation, justification.
        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        if (title || right)
        {
            properties.Append(new Justification { Val = title ? JustificationValues.Center : JustificationValues.Right });
        }

        // Schema order inside w:rPr: fonts, bold, size.
        var font = title ? "方正小标宋简体" : "仿宋_GB2312";
        var runProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, Hint = FontTypeHintValues.EastAsia });
        if (title)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = title ? "44" : "32" });
        var run = new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }
}
