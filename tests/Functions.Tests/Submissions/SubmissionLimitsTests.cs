using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Tests.Workflow;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Submissions;

/// <summary>
/// Issue 17 point 2: nothing is accepted that the workflow cannot store. Every free-text field has a
/// limit with a 400 naming the field, a submission as a whole has a stored-size limit, drafts take only
/// the form's own fields, and a case's evidence has a maximum count and total size.
/// </summary>
public sealed partial class SubmissionLimitsTests : IAsyncLifetime
{
    private readonly SmtpSink _smtp = new();
    private RunningApp _app = null!;
    private string _unitToken = null!;

    public async Task InitializeAsync()
    {
        _app = await AcceptanceChainEndToEndTests.StartAsync(_smtp, extra: new Dictionary<string, string?>
        {
            ["GuanGong:Ledgers:MaxPerCase"] = "2",
            ["GuanGong:Ledgers:MaxCaseBytes"] = "400",
        });
        await _app.SetUpCountyAsync(villages: 1);
        _unitToken = SampleCounty.TokenOf((await _smtp.WaitForAsync(m => m.To.Contains("village1@example.cn"))).LinkWith("/u/"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Submit_OverlongNoteAndReason_400NamingEachField_NoCase()
    {
        var sheet = SampleCounty.SelfSheet();
        var text = new string('注', ScoreSheetValidator.MaxTextLength + 1);
        var items = sheet.Items.ToArray();
        items[1] = items[1] with { Note = text };
        items[2] = items[2] with { DeductionReason = text };

        using var answer = await _app.SubmitAsync(_unitToken, sheet with { Items = items });
        var paths = await ErrorPathsAsync(answer);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("selfAssessment.items[1].note", paths);
        Assert.Contains("selfAssessment.items[2].deductionReason", paths);
        Assert.Equal(HttpStatusCode.NotFound, await _app.CaseStatusCodeAsync(SampleCounty.CaseId("V1")));
    }

    [Fact]
    public async Task Submit_EveryFieldWithinItsLimitButTooLargeToStore_400NotAReceipt()
    {
        // Control characters are six bytes each in the stored JSON: every field within its limit, the whole beyond a row.
        var note = new string('\u0001', ScoreSheetValidator.MaxTextLength);
        var sheet = SampleCounty.SelfSheet();
        var full = sheet with { Items = [.. sheet.Items.Select(i => i with { Note = note, DeductionReason = note })] };
        var section = new string('\u0002', SelfInspectionReport.MaxFieldLength);

        using var answer = await _app.Client.SubmitAsync(_unitToken, full, new SelfInspectionReport(section, section, section, section, section));
        var body = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("submission.too_large", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await _app.CaseStatusCodeAsync(SampleCounty.CaseId("V1")));
    }

    [Fact]
    public async Task SaveDraft_ThousandJunkFields_400AndNothingStored()
    {
        var (nonce, _) = await FormAsync();
        var fields = Enumerable.Range(0, 1000).Select(i => new KeyValuePair<string, string>($"junk{i}", "x")).Append(new("formNonce", nonce));

        using var answer = await _app.Client.PostAsync(new Uri($"/u/{_unitToken}/draft", UriKind.Relative), new FormUrlEncodedContent(fields));
        var page = await _app.Client.GetStringAsync(new Uri($"/u/{_unitToken}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("本页面没有的内容", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("junk", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveDraft_OverlongNote_400NamingTheItem_OwnFieldsWithinLimitsSaved()
    {
        var (nonce, _) = await FormAsync();
        var item = SampleCounty.Template.AllItems.First();
        using var refused = await _app.Client.PostAsync(
            new Uri($"/u/{_unitToken}/draft", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["formNonce"] = nonce, ["note_" + item.Id] = new string('注', ScoreSheetValidator.MaxTextLength + 1) }));
        var (again, _) = await FormAsync();
        using var saved = await _app.Client.PostAsync(
            new Uri($"/u/{_unitToken}/draft", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["formNonce"] = again, ["note_" + item.Id] = "台账齐全，见附件", ["score_" + item.Id] = "5" }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(item.Name + "的备注", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode); // the 303 to the form, followed
        Assert.Contains("台账齐全，见附件", await _app.Client.GetStringAsync(new Uri($"/u/{_unitToken}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadLedger_BeyondCountOrTotalSize_Refused()
    {
        var caseId = SampleCounty.CaseId("V1");
        var itemId = SampleCounty.Template.AllItems.First().Id;
        var small = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

        using var first = await UploadAsync(caseId, itemId, small);
        using var tooBig = await UploadAsync(caseId, itemId, [.. small, .. new byte[400]]);
        using var second = await UploadAsync(caseId, itemId, small);
        using var third = await UploadAsync(caseId, itemId, small);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("总大小", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Contains("too-many-ledgers", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> UploadAsync(string caseId, string itemId, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/cases/{caseId}/items/{itemId}/ledgers", UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("X-File-Name", "register.pdf");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _unitToken);
        return await _app.Client.SendAsync(request);
    }

    private async Task<(string Nonce, string Page)> FormAsync()
    {
        var page = await _app.Client.GetStringAsync(new Uri($"/u/{_unitToken}", UriKind.Relative));
        return (WebUtility.HtmlDecode(FormNonce().Match(page).Groups[1].Value), page);
    }

    private static async Task<IReadOnlyList<string>> ErrorPathsAsync(HttpResponseMessage answer)
    {
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? [.. errors.EnumerateArray().Select(e => e.GetProperty("path").GetString()!)]
            : errors.ValueKind == JsonValueKind.Object ? [.. errors.EnumerateObject().Select(p => p.Name)] : [];
    }

    [GeneratedRegex("name=\"formNonce\" value=\"([^\"]*)\"")]
    private static partial Regex FormNonce();
}
