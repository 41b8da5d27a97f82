using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>A unit collects its ledgers while it fills in the rubric, before its first submission, under its (derived) case number.</summary>
public sealed class EvidenceBeforeSubmissionTests
{
    [Fact]
    public async Task Unit_UploadsBeforeSubmitting_LedgerBelongsToTheCaseAfterwards_OtherUnitRefused()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.SetUpCountyAsync(villages: 2);
        var v1 = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn"))).LinkWith("/u/"));
        var v2 = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains("village2@example.cn"))).LinkWith("/u/"));
        var caseId = SampleCounty.CaseId("V1");
        var itemId = SampleCounty.Template.AllItems.First().Id;

        using var early = await UploadAsync(app, v1, caseId, itemId);
        using var intruder = await UploadAsync(app, v2, caseId, itemId);
        (await app.SubmitAsync(v1)).EnsureSuccessStatusCode();
        using var list = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{caseId}/ledgers", UriKind.Relative));
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", v1);
        using var listed = await app.Client.SendAsync(list);

        Assert.Equal(HttpStatusCode.Created, early.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, intruder.StatusCode);
        Assert.Contains("五老花名册.pdf", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_UploadsAfterSubmitting_RefusedUntilReturned_ReturnedMailQuotesReasonWithoutLinks()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.SetUpCountyAsync(villages: 1);
        var v1 = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn"))).LinkWith("/u/"));
        var caseId = SampleCounty.CaseId("V1");
        var itemId = SampleCounty.Template.AllItems.First().Id;
        using var before = await UploadAsync(app, v1, caseId, itemId);
        (await app.SubmitAsync(v1)).EnsureSuccessStatusCode();

        using var after = await UploadAsync(app, v1, caseId, itemId);
        var refusal = await after.Content.ReadAsStringAsync();
        var task = await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        (await app.DecideAsync(task.LinkWith("/r/"), "Return", "缺少花名册，请按 http://evil.example/login 或 www.evil.cn 的模板补交。")).EnsureSuccessStatusCode();
        await app.WaitForStatusAsync(caseId, "ReturnedForRectification");
        using var duringRectification = await UploadAsync(app, v1, caseId, itemId);
        var returned = await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn") && m.Subject.StartsWith("【需整改】", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        Assert.Contains("evidence-frozen", refusal, StringComparison.Ordinal);
        Assert.Contains("封存", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, duringRectification.StatusCode);
        Assert.Contains("http[:]//evil[.]example/login", returned.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("http://evil", returned.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain(returned.Links, l => l.Contains("evil", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> UploadAsync(RunningApp app, string token, string caseId, string itemId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/cases/{caseId}/items/{itemId}/ledgers?fileName={Uri.EscapeDataString("五老花名册.pdf")}", UriKind.Relative))
        {
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.Client.SendAsync(request);
    }
}
