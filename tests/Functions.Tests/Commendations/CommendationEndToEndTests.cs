using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using GuanGong.Domain.Campaigns;
using GuanGong.Functions.Tests.Campaigns;
using GuanGong.Functions.Tests.Workflow;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Commendations;

/// <summary>
/// 表彰/命名 on the running app: the year's candidates come from the verdicts, the county approves the list, the naming
/// decision is a Word document that opens and reads back, and the certificate list exports as CSV and .xlsx.
/// </summary>
public sealed class CommendationEndToEndTests
{
    private static string Path(int year) => $"/api/campaigns/{SampleCounty.CampaignId}/commendations/{year}";

    [Fact]
    public async Task Naming_ApprovedFromTheVerdicts_DecisionDocxReadsBackAndCertificatesExport()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(SampleCounty.Campaign() with { UnitTargetYears = [new UnitTargetYear("V1", 2026), new UnitTargetYear("V2", 2026), new UnitTargetYear("E1", 2027)] });
        await app.LaunchAsync(2026);
        await app.PassVillageAsync(smtp, 1, 2026);
        await app.PassVillageAsync(smtp, 2, 2026);

        // The candidates are the units the verdicts passed; nothing is approved yet, so there is no document.
        var (_, view) = await app.SendAsync(HttpMethod.Get, Path(2026));
        Assert.Equal(["V1", "V2"], view.GetProperty("candidates").EnumerateArray().Select(u => u.GetProperty("unitCode").GetString()!));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("approved").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(app, $"{Path(2026)}/decision.docx")).Status);

        // Bad input is refused with problem details.
        var (wrong, problem) = await app.SendAsync(HttpMethod.Put, Path(2026), new { approvedBy = "县关工委", unitCodes = new[] { "V1", "E1" } });
        Assert.Equal(HttpStatusCode.BadRequest, wrong);
        Assert.Contains("commendation.not_candidate", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.SendAsync(HttpMethod.Put, $"/api/campaigns/{SampleCounty.CampaignId}/commendations/abc", new { approvedBy = "x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.SendAsync(HttpMethod.Put, Path(2026), "{\"approvedBy\":")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SendAsync(HttpMethod.Put, Path(2026), new { approvedBy = "x" }, adminKey: null)).Status);

        var (approved, record) = await app.SendAsync(HttpMethod.Put, Path(2026), new { approvedBy = "县关工委主任办公会" });
        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Equal(["2026-001", "2026-002"], record.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("certificateNumber").GetString()!));

        // The naming decision opens as a Word document, is valid Open XML, and says what it should.
        var (docStatus, docType, docx) = await GetAsync(app, $"{Path(2026)}/decision.docx");
        Assert.Equal(HttpStatusCode.OK, docStatus);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docType);
        using (var stream = new MemoryStream(docx))
        using (var document = WordprocessingDocument.Open(stream, isEditable: false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Matches("^关于命名2026年度“.+”的决定$", paragraphs[0]);
            Assert.Equal(JustificationValues.Center, document.MainDocumentPart.Document.Body.Elements<Paragraph>().First().ParagraphProperties!.Justification!.Val!.Value);
            Assert.Contains(paragraphs, p => p.Contains("命名以下 2 个单位", StringComparison.Ordinal));
            Assert.Contains("城关镇关工委（2个）：第1村关工委、第2村关工委", paragraphs);
            Assert.Equal("示范县关工委", paragraphs[^2]);
            Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", paragraphs[^1]);
            Assert.DoesNotContain(paragraphs, p => p.Contains("V1", StringComparison.Ordinal));
            Assert.StartsWith("关于命名2026年度", document.PackageProperties.Title, StringComparison.Ordinal);
        }

        // The certificate list, by the existing export writers.
        var (csvStatus, csvType, csv) = await GetAsync(app, $"{Path(2026)}/certificates.csv");
        Assert.Equal(HttpStatusCode.OK, csvStatus);
        Assert.StartsWith("text/csv", csvType, StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("证书编号,单位名称,所属上级,类别,验收得分,命名年度,称号", lines[0]);
        Assert.StartsWith("2026-001,第1村关工委,城关镇关工委,村,", lines[1], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        var (xlsxStatus, _, xlsx) = await GetAsync(app, $"{Path(2026)}/certificates.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxStatus);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false))
        {
            Assert.NotNull(workbook.WorkbookPart);
        }

        // The approved list is read back with the candidates.
        var (_, after) = await app.SendAsync(HttpMethod.Get, Path(2026));
        Assert.Equal("县关工委主任办公会", after.GetProperty("approved").GetProperty("approvedBy").GetString());
    }

    private static async Task<(HttpStatusCode Status, string? ContentType, byte[] Body)> GetAsync(RunningApp app, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Admin-Key", RunningApp.AdminKey);
        using var response = await app.Client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }
}
