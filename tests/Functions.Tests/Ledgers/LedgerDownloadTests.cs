using System.Net;
using System.Text.Json;
using GuanGong.Domain.Links;
using GuanGong.Functions.Tests.Builders;

namespace GuanGong.Functions.Tests.Ledgers;

public sealed class LedgerDownloadTests(SeededApp app) : IClassFixture<SeededApp>
{
    private const string Item = "leadership-agenda";

    [Fact]
    public async Task List_Admin_ReturnsEveryLedgerWithALinkExpiringWithin15Minutes()
    {
        var caseId = await SeedCaseWithLedgersAsync(("纪要.pdf", SampleFiles.Pdf()), ("名册.docx", SampleFiles.Docx()));
        var before = TimeProvider.System.GetUtcNow();

        using var body = await ListAsync(caseId, adminKey: SeededApp.AdminKey);

        var ledgers = body.RootElement.GetProperty("ledgers").EnumerateArray().ToList();
        Assert.Equal(["纪要.pdf", "名册.docx"], ledgers.Select(l => l.GetProperty("fileName").GetString()));
        foreach (var ledger in ledgers)
        {
            Assert.StartsWith("/api/ledgers/content?d=", ledger.GetProperty("downloadUrl").GetString(), StringComparison.Ordinal);
            var expiresAt = ledger.GetProperty("downloadExpiresAt").GetDateTimeOffset();
            Assert.InRange(expiresAt, before.AddMinutes(14), TimeProvider.System.GetUtcNow().AddMinutes(15));
        }
    }

    [Fact]
    public async Task Download_PdfLink_StreamsTheBytesInlineWithSafeHeaders()
    {
        var pdf = SampleFiles.Pdf(300_000);
        var caseId = await SeedCaseWithLedgersAsync(("党委会议纪要（2026）.pdf", pdf));
        var url = await FirstDownloadUrlAsync(caseId);

        using var response = await app.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("党委会议纪要（2026）.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Download_Docx_IsAnAttachment()
    {
        var caseId = await SeedCaseWithLedgersAsync(("名册.docx", SampleFiles.Docx()));
        var url = await FirstDownloadUrlAsync(caseId);

        using var response = await app.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Download_TamperedLink_Answers403()
    {
        var caseId = await SeedCaseWithLedgersAsync(("a.pdf", SampleFiles.Pdf()));
        var token = Uri.UnescapeDataString((await FirstDownloadUrlAsync(caseId))["/api/ledgers/content?d=".Length..]);
        var parts = token.Split('.');
        var payload = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
        payload[^3] ^= 1;
        var tampered = string.Join('.', parts[0], parts[1], System.Buffers.Text.Base64Url.EncodeToString(payload), parts[3]);

        using var response = await app.Client.GetAsync(new Uri("/api/ledgers/content?d=" + Uri.EscapeDataString(tampered), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await LedgerUploadTests.ProblemAsync(response)).Code);
    }

    [Fact]
    public async Task Download_ExpiredLink_Answers403()
    {
        var caseId = await SeedCaseWithLedgersAsync(("a.pdf", SampleFiles.Pdf()));
        using var listed = await ListAsync(caseId, adminKey: SeededApp.AdminKey);
        var ledgerId = listed.RootElement.GetProperty("ledgers")[0].GetProperty("ledgerId").GetString();
        var expired = ApprovalTokens.Issue(
            new ApprovalTokenClaims($"ledger:{caseId}/{ledgerId}", 1, "admin", ApprovalActions.View, TimeProvider.System.GetUtcNow().AddSeconds(-1), ApprovalTokens.NewNonce()), app.Ring);

        using var response = await app.Client.GetAsync(new Uri("/api/ledgers/content?d=" + Uri.EscapeDataString(expired), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1.x.y.z")]
    public async Task Download_MissingOrMalformedLink_Answers403(string token)
    {
        using var response = await app.Client.GetAsync(new Uri("/api/ledgers/content?d=" + token, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Download_AReviewerTaskLinkUsedAsADownloadLink_Answers403()
    {
        var caseId = await SeedCaseWithLedgersAsync(("a.pdf", SampleFiles.Pdf()));
        var reviewerLink = app.ReviewerLink(caseId, TimeProvider.System.GetUtcNow().AddDays(1));

        using var response = await app.Client.GetAsync(new Uri("/api/ledgers/content?d=" + Uri.EscapeDataString(reviewerLink), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task List_ADownloadLinkUsedAsACaseCredential_Answers403()
    {
        var caseId = await SeedCaseWithLedgersAsync(("a.pdf", SampleFiles.Pdf()));
        var token = Uri.UnescapeDataString((await FirstDownloadUrlAsync(caseId))["/api/ledgers/content?d=".Length..]);

        using var response = await app.Client.GetAsync(new Uri($"/api/cases/{caseId}/ledgers?t={Uri.EscapeDataString(token)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(TreeBuilder.Township1)]
    [InlineData(TreeBuilder.County)]
    [InlineData(TreeBuilder.Unit1)]
    public async Task List_CommitteeWhoseSubtreeHoldsTheUnit_IsAllowed(string committee)
    {
        var caseId = await SeedCaseWithLedgersAsync(("a.pdf", SampleFiles.Pdf()));

        using var body = await ListAsync(caseId, apiKey: await app.ApiKeyForAsync(committee));

        Assert.Single(body.RootElement.GetProperty("ledgers").EnumerateArray());
    }

    [Theory]
    [InlineData(TreeBuilder.Township2)]
    [InlineData(TreeBuilder.Unit2)]
    public async Task List_CommitteeOutsideTheSubtree_Answers403(string committee)
    {
        var caseId = await SeedCaseWithLedgersAsync(("a.pdf", SampleFiles.Pdf()));

        using var request = SeededApp.Request(HttpMethod.Get, $"/api/cases/{caseId}/ledgers", apiKey: await app.ApiKeyForAsync(committee));
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task List_ReviewerTaskLinkForTheCase_IsAllowedAndItsLinksDownload()
    {
        var pdf = SampleFiles.Pdf(777);
        var (caseId, link) = await SeedOpenTaskWithLedgerAsync(stage: 2, pdf, TimeProvider.System.GetUtcNow().AddDays(3));

        using var response = await app.Client.GetAsync(new Uri($"/api/cases/{caseId}/ledgers?t={Uri.EscapeDataString(link)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var url = body.RootElement.GetProperty("ledgers")[0].GetProperty("downloadUrl").GetString()!;
        using var download = await app.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task List_ReviewerTaskLinkAsBearer_IsAllowed()
    {
        var (caseId, link) = await SeedOpenTaskWithLedgerAsync(stage: 1, SampleFiles.Pdf(), TimeProvider.System.GetUtcNow().AddDays(1));
        using var request = SeededApp.Request(HttpMethod.Get, $"/api/cases/{caseId}/ledgers");
        request.Headers.Authorization = new("Bearer", link);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task List_ReviewerTaskLinkForAnotherCase_Answers403()
    {
        var caseId = await SeedCaseWithLedgersAsync(("a.pdf", SampleFiles.Pdf()));
        var otherLink = app.ReviewerLink(CaseIdOf(SeededApp.NewCampaignId(), TreeBuilder.Unit2), TimeProvider.System.GetUtcNow().AddDays(1));

        using var response = await app.Client.GetAsync(new Uri($"/api/cases/{caseId}/ledgers?t={Uri.EscapeDataString(otherLink)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task List_ExpiredReviewerTaskLink_Answers403()
    {
        var caseId = await SeedCaseWithLedgersAsync(("a.pdf", SampleFiles.Pdf()));
        var expired = app.ReviewerLink(caseId, TimeProvider.System.GetUtcNow().AddMinutes(-1));

        using var response = await app.Client.GetAsync(new Uri($"/api/cases/{caseId}/ledgers?t={Uri.EscapeDataString(expired)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task List_NoCredential_Answers401()
    {
        var caseId = await SeedCaseWithLedgersAsync(("a.pdf", SampleFiles.Pdf()));

        using var response = await app.Client.GetAsync(new Uri($"/api/cases/{caseId}/ledgers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task List_UnknownCase_Answers404()
    {
        using var request = SeededApp.Request(HttpMethod.Get, "/api/cases/2026-LG-T1-V1-NONE/ledgers", adminKey: SeededApp.AdminKey);
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_CaseWithoutLedgers_ReturnsAnEmptyList()
    {
        var record = await app.SeedAsync(app.Case(SeededApp.NewCampaignId(), TreeBuilder.Unit3));

        using var body = await ListAsync(record.CaseId, adminKey: SeededApp.AdminKey);

        Assert.Empty(body.RootElement.GetProperty("ledgers").EnumerateArray());
    }

    private static string CaseIdOf(string campaignId, string unit) => Cases.CaseIds.For(campaignId, 2026, unit);

    private async Task<string> SeedCaseWithLedgersAsync(params (string Name, byte[] Bytes)[] files)
    {
        var record = await app.SeedAsync(app.Case(SeededApp.NewCampaignId(), TreeBuilder.Unit1));
        foreach (var (name, bytes) in files)
        {
            using var request = SeededApp.Request(HttpMethod.Put, LedgerUploadTests.UploadPath(record.CaseId, Item, name), adminKey: SeededApp.AdminKey, content: SeededApp.Bytes(bytes));
            using var response = await app.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        return record.CaseId;
    }

    // A case under review at this stage, its task open with the tree's reviewers, one ledger uploaded; and its first reviewer's link.
    private async Task<(string CaseId, string Link)> SeedOpenTaskWithLedgerAsync(int stage, byte[] pdf, DateTimeOffset expiresAt)
    {
        var tree = TreeBuilder.Standard();
        var committee = tree.AcceptanceChain(TreeBuilder.Unit1).Value.Stage(stage).CommitteeCode;
        var now = TimeProvider.System.GetUtcNow();
        var record = await app.SeedAsync(app.Case(SeededApp.NewCampaignId(), TreeBuilder.Unit1).InState(GuanGong.Domain.Cases.CaseStatus.UnderReview, stage).WithTask(committee, now, now.AddDays(5)));
        using var request = SeededApp.Request(HttpMethod.Put, LedgerUploadTests.UploadPath(record.CaseId, Item, "a.pdf"), adminKey: SeededApp.AdminKey, content: SeededApp.Bytes(pdf));
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (record.CaseId, app.OpenTaskLink(record, expiresAt));
    }

    private async Task<string> FirstDownloadUrlAsync(string caseId)
    {
        using var body = await ListAsync(caseId, adminKey: SeededApp.AdminKey);
        return body.RootElement.GetProperty("ledgers")[0].GetProperty("downloadUrl").GetString()!;
    }

    private async Task<JsonDocument> ListAsync(string caseId, string? adminKey = null, string? apiKey = null)
    {
        using var request = SeededApp.Request(HttpMethod.Get, $"/api/cases/{caseId}/ledgers", adminKey: adminKey, apiKey: apiKey);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
