using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using GuanGong.Domain.Cases;
using GuanGong.Functions.Records;
using GuanGong.Functions.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Ledgers;

public sealed class LedgerUploadTests(SeededApp app) : IClassFixture<SeededApp>
{
    private const string Item = "leadership-agenda";

    [Fact]
    public async Task Upload_AdminPdf_Answers201StoresBlobByIdsAndRecordsSha256()
    {
        var caseId = await SeedOpenCaseAsync();
        var pdf = SampleFiles.Pdf(5000);

        using var response = await UploadAsync(caseId, Item, "会议纪要.pdf", pdf);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ledgerId = body.RootElement.GetProperty("ledgerId").GetString()!;
        Assert.Equal($"/api/cases/{caseId}/ledgers/{ledgerId}", response.Headers.Location?.ToString());
        Assert.Equal("会议纪要.pdf", body.RootElement.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", body.RootElement.GetProperty("contentType").GetString());
        Assert.Equal(5000, body.RootElement.GetProperty("length").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), body.RootElement.GetProperty("sha256").GetString());
        Assert.Equal([$"{caseId}/{Item}/{ledgerId}"], await app.BlobNamesAsync(caseId + "/"));
        var stored = await app.Services.GetRequiredService<AppTables>().Ledgers.GetAsync(caseId, ledgerId);
        Assert.Equal("admin", stored!.Value.UploadedBy);
        var blob = await app.Ledgers.GetBlobClient($"{caseId}/{Item}/{ledgerId}").DownloadContentAsync();
        Assert.Equal(pdf, blob.Value.Content.ToArray());
        Assert.Equal("application/pdf", blob.Value.Details.ContentType);
        var properties = await app.Ledgers.GetBlobClient($"{caseId}/{Item}/{ledgerId}").GetPropertiesAsync();
        Assert.Equal(MD5.HashData(pdf), properties.Value.ContentHash);
    }

    [Fact]
    public async Task Upload_NamedInTheXFileNameHeader_KeepsTheDecodedNameAndLeavesTheUrlWithoutIt()
    {
        var caseId = await SeedOpenCaseAsync();
        const string name = "2026年 五老队伍花名册（第一批）.pdf";
        using var request = SeededApp.Request(HttpMethod.Put, $"/api/cases/{caseId}/items/{Item}/ledgers", adminKey: SeededApp.AdminKey, content: SeededApp.Bytes(SampleFiles.Pdf(2000)));
        request.Headers.Add("X-File-Name", Uri.EscapeDataString(name));

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(name, body.RootElement.GetProperty("fileName").GetString());
        Assert.DoesNotContain("花名册", request.RequestUri!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_HeaderAndQueryBothGiven_TheHeaderWins()
    {
        var caseId = await SeedOpenCaseAsync();
        using var request = SeededApp.Request(HttpMethod.Put, UploadPath(caseId, Item, "from-query.pdf"), adminKey: SeededApp.AdminKey, content: SeededApp.Bytes(SampleFiles.Pdf(2000)));
        request.Headers.Add("X-File-Name", Uri.EscapeDataString("会议纪要.pdf"));

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("会议纪要.pdf", body.RootElement.GetProperty("fileName").GetString());
    }

    [Theory]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "台账.docx")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "台账.xlsx")]
    public async Task Upload_OfficeOpenXml_IsConfirmedFromTheZipsParts(string which, string expectedType, string expectedName)
    {
        var caseId = await SeedOpenCaseAsync();

        using var response = await UploadAsync(caseId, Item, "台账", which == "docx" ? SampleFiles.Docx() : SampleFiles.Xlsx());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expectedType, body.RootElement.GetProperty("contentType").GetString());
        Assert.Equal(expectedName, body.RootElement.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Upload_PngNamedPdf_IsStoredAsPngWithAnHonestExtension()
    {
        var caseId = await SeedOpenCaseAsync();

        using var response = await UploadAsync(caseId, Item, "scan.pdf", SampleFiles.Png());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("image/png", body.RootElement.GetProperty("contentType").GetString());
        Assert.Equal("scan.pdf.png", body.RootElement.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Upload_BonusItem_IsAccepted()
    {
        var caseId = await SeedOpenCaseAsync();
        var bonusItem = CaseBuilder.Template.Bonus!.Items[0].Id;

        using var response = await UploadAsync(caseId, bonusItem, "表彰.pdf", SampleFiles.Pdf());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static TheoryData<string, byte[]> Forbidden => new()
    {
        { "executable-named-pdf", SampleFiles.Executable() },
        { "html", SampleFiles.Html() },
        { "zip-not-office", SampleFiles.PlainZip() },
        { "truncated-zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task Upload_ContentNotAnAcceptedKind_Answers415NamingKindsAndStoresNothing(string label, byte[] content)
    {
        var caseId = await SeedOpenCaseAsync();

        // The request claims to be a PDF by name and by Content-Type: only the bytes count.
        using var request = SeededApp.Request(HttpMethod.Put, UploadPath(caseId, Item, "report.pdf"), adminKey: SeededApp.AdminKey, content: SeededApp.Bytes(content));
        request.Content!.Headers.ContentType = new("application/pdf");
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains("PDF", problem.Title, StringComparison.Ordinal);
        Assert.Contains("Word 文档", problem.Title, StringComparison.Ordinal);
        await AssertNothingStoredAsync(caseId, label);
    }

    [Fact]
    public async Task Upload_OverTheLimit_Answers413AndStoresNothing()
    {
        var caseId = await SeedOpenCaseAsync();

        using var response = await UploadAsync(caseId, Item, "big.pdf", SampleFiles.Pdf((int)SeededApp.LedgerLimit + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too-large", (await ProblemAsync(response)).Code);
        await AssertNothingStoredAsync(caseId, "oversize");
    }

    [Fact]
    public async Task Upload_ExactlyTheLimit_IsAccepted()
    {
        var caseId = await SeedOpenCaseAsync();

        using var response = await UploadAsync(caseId, Item, "limit.pdf", SampleFiles.Pdf((int)SeededApp.LedgerLimit));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Upload_Empty_Answers400AndStoresNothing()
    {
        var caseId = await SeedOpenCaseAsync();

        using var response = await UploadAsync(caseId, Item, "empty.pdf", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("empty-file", (await ProblemAsync(response)).Code);
        await AssertNothingStoredAsync(caseId, "empty");
    }

    [Fact]
    public async Task Upload_WithoutContentLength_Answers411()
    {
        var caseId = await SeedOpenCaseAsync();
        using var content = new StreamContent(new NonSeekableStream(SampleFiles.Pdf()));

        using var request = SeededApp.Request(HttpMethod.Put, UploadPath(caseId, Item, "a.pdf"), adminKey: SeededApp.AdminKey, content: content);
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.LengthRequired, response.StatusCode);
        await AssertNothingStoredAsync(caseId, "chunked");
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\windows\\win.ini..pdf", "win.ini.pdf")]
    [InlineData("C:\\Users\\张三\\台账\u0000\u202E.pdf", "台账.pdf")]
    public async Task Upload_PathTraversalInFileName_KeepsOnlyACleanNameAndBlobNameIsIds(string fileName, string expected)
    {
        var caseId = await SeedOpenCaseAsync();

        using var response = await UploadAsync(caseId, Item, fileName, SampleFiles.Pdf());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, body.RootElement.GetProperty("fileName").GetString());
        var ledgerId = body.RootElement.GetProperty("ledgerId").GetString();
        Assert.Equal([$"{caseId}/{Item}/{ledgerId}"], await app.BlobNamesAsync(caseId + "/"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("../..")]
    [InlineData("\u0001\u0002")]
    public async Task Upload_NoUsableFileName_Answers400NamingTheField(string? fileName)
    {
        var caseId = await SeedOpenCaseAsync();
        var path = fileName is null ? $"/api/cases/{caseId}/items/{Item}/ledgers" : UploadPath(caseId, Item, fileName);

        using var request = SeededApp.Request(HttpMethod.Put, path, adminKey: SeededApp.AdminKey, content: SeededApp.Bytes(SampleFiles.Pdf()));
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("fileName", body.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
        await AssertNothingStoredAsync(caseId, "no-name");
    }

    [Fact]
    public async Task Upload_UnknownItem_Answers404()
    {
        var caseId = await SeedOpenCaseAsync();

        using var response = await UploadAsync(caseId, "no-such-item", "a.pdf", SampleFiles.Pdf());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertNothingStoredAsync(caseId, "unknown-item");
    }

    [Fact]
    public async Task Upload_UnknownCase_Answers404()
    {
        using var response = await UploadAsync("2026-LG-T1-V1-ZZZZ", Item, "a.pdf", SampleFiles.Pdf());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(CaseStatus.Passed)]
    [InlineData(CaseStatus.Failed)]
    [InlineData(CaseStatus.Withdrawn)]
    public async Task Upload_DecidedCase_Answers409(CaseStatus status)
    {
        var record = await app.SeedAsync(app.Case(SeededApp.NewCampaignId(), TreeBuilder.Unit1).InState(status, status == CaseStatus.Withdrawn ? 1 : 2));

        using var response = await UploadAsync(record.CaseId, Item, "a.pdf", SampleFiles.Pdf());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("case-decided", (await ProblemAsync(response)).Code);
        await AssertNothingStoredAsync(record.CaseId, "decided");
    }

    [Fact]
    public async Task Upload_ReturnedForRectification_IsAccepted()
    {
        var record = await app.SeedAsync(app.Case(SeededApp.NewCampaignId(), TreeBuilder.Unit1).InState(CaseStatus.ReturnedForRectification, 1));

        using var response = await UploadAsync(record.CaseId, Item, "整改.pdf", SampleFiles.Pdf());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Upload_NoCredential_Answers401()
    {
        var caseId = await SeedOpenCaseAsync();

        using var request = SeededApp.Request(HttpMethod.Put, UploadPath(caseId, Item, "a.pdf"), content: SeededApp.Bytes(SampleFiles.Pdf()));
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(caseId, "anonymous");
    }

    [Fact]
    public async Task Upload_CommitteeApiKeyEvenOfTheUnitsTownship_Answers403()
    {
        var caseId = await SeedOpenCaseAsync();
        var apiKey = await app.ApiKeyForAsync(TreeBuilder.Township1);

        using var request = SeededApp.Request(HttpMethod.Put, UploadPath(caseId, Item, "a.pdf"), apiKey: apiKey, content: SeededApp.Bytes(SampleFiles.Pdf()));
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredAsync(caseId, "committee");
    }

    [Fact]
    public async Task Upload_ReviewerTaskLink_Answers403()
    {
        var caseId = await SeedOpenCaseAsync();
        var link = app.ReviewerLink(caseId, TimeProvider.System.GetUtcNow().AddDays(1));

        using var request = SeededApp.Request(HttpMethod.Put, UploadPath(caseId, Item, "a.pdf") + "&t=" + Uri.EscapeDataString(link), content: SeededApp.Bytes(SampleFiles.Pdf()));
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredAsync(caseId, "reviewer");
    }

    [Fact]
    public async Task Upload_WrongAdminKey_Answers403()
    {
        var caseId = await SeedOpenCaseAsync();

        using var request = SeededApp.Request(HttpMethod.Put, UploadPath(caseId, Item, "a.pdf"), adminKey: "not-the-key", content: SeededApp.Bytes(SampleFiles.Pdf()));
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    internal static string UploadPath(string caseId, string itemId, string fileName) =>
        $"/api/cases/{caseId}/items/{itemId}/ledgers?fileName={Uri.EscapeDataString(fileName)}";

    internal static async Task<(string Title, string Code)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("title").GetString()!, body.RootElement.TryGetProperty("code", out var code) ? code.GetString()! : string.Empty);
    }

    private async Task<string> SeedOpenCaseAsync() =>
        (await app.SeedAsync(app.Case(SeededApp.NewCampaignId(), TreeBuilder.Unit1))).CaseId;

    private async Task<HttpResponseMessage> UploadAsync(string caseId, string itemId, string fileName, byte[] content)
    {
        using var request = SeededApp.Request(HttpMethod.Put, UploadPath(caseId, itemId, fileName), adminKey: SeededApp.AdminKey, content: SeededApp.Bytes(content));
        return await app.Client.SendAsync(request);
    }

    private async Task AssertNothingStoredAsync(string caseId, string label)
    {
        Assert.True((await app.BlobNamesAsync(caseId + "/")).Count == 0, $"{label}: a blob was stored");
        Assert.True((await app.Services.GetRequiredService<AppTables>().Ledgers.ListPartitionAsync(caseId)).Count == 0, $"{label}: a record was stored");
    }

    /// <summary>A stream that hides its length, so HttpClient sends it chunked (no Content-Length).</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
