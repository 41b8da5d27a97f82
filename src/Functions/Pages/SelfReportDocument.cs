using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuanGong.Functions.Cases;

namespace GuanGong.Functions.Pages;

/// <summary>
/// A unit's 自查报告 as an official-style document: a title, the assessing committee it is addressed to,
/// an opening line, the five sections of the outline the documents use, and the sign-off (unit, date,
/// room for the seal). The same text makes the printable page and the .docx (Open XML SDK).
/// </summary>
public sealed record SelfReportDocument(string Title, string Addressee, string Opening, IReadOnlyList<SelfReportDocument.Section> Sections, string UnitName, string Date)
{
    private static readonly string[] Numbers = ["一", "二", "三", "四", "五", "六"];

    public sealed record Section(string Heading, IReadOnlyList<string> Paragraphs);

    public static SelfReportDocument From(CaseRecord @case, string unitName, string addressee, string standardName)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var report = @case.Submission.Report;
        string[] texts = [report.PartySupport, report.OwnBuildUp, report.DepartmentCooperation, report.Results, report.MainProblems];
        var sections = UnitForm.ReportFields
            .Select((field, i) => new Section($"{Numbers[i]}、{field.Label}", Paragraphs(texts[i])))
            .ToList();
        var year = @case.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SelfReportDocument(
            $"{unitName}关于{year}年度“{standardName}”创建工作的自查报告",
            addressee,
            $"按照{year}年度“{standardName}”创建工作的安排，我单位对照评分标准逐项开展了自查，自评得分 {Decimals.Show(@case.SelfSummary.Total)} 分。现将自查情况报告如下：",
            sections,
            unitName,
            ChinaDates.Date(@case.Submission.SubmittedAt));
    }

    /// <summary>The report as a Word document (.docx): 方正-style headings are left to Word's defaults; the text is what counts.</summary>
    public byte[] ToDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para(Title, bold: true, size: 36, justification: JustificationValues.Center));
            body.Append(Para(Addressee + "：", size: 32));
            body.Append(Para(Opening, size: 32, indent: true));
            foreach (var section in Sections)
            {
                body.Append(Para(section.Heading, bold: true, size: 32));
                foreach (var paragraph in section.Paragraphs)
                {
                    body.Append(Para(paragraph, size: 32, indent: true));
                }
            }

            body.Append(Para(string.Empty, size: 32));
            body.Append(Para(UnitName + "（盖章）", size: 32, justification: JustificationValues.Right));
            body.Append(Para(Date, size: 32, justification: JustificationValues.Right));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, int size, bool bold = false, JustificationValues? justification = null, bool indent = false)
    {
        var runProperties = new RunProperties(
            new RunFonts { EastAsia = "仿宋", Ascii = "仿宋", HighAnsi = "仿宋" },
            new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        var properties = new ParagraphProperties();
        if (justification is { } j)
        {
            properties.Append(new Justification { Val = j });
        }

        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static IReadOnlyList<string> Paragraphs(string text)
    {
        var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return paragraphs.Length == 0 ? ["（未填写）"] : paragraphs;
    }
}
