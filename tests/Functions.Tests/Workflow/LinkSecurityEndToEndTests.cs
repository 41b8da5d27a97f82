using System.Net;
using System.Text;
using System.Text.Json;
using GuanGong.Domain.Links;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>Emailed links and subtree boundaries under attack, on the running app: every attempt refused, nothing changed.</summary>
public sealed class LinkSecurityEndToEndTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private SmtpSink _smtp = null!;
    private RunningApp _app = null!;
    private string _caseId = null!;
    private string _townshipLink = null!;

    public async Task InitializeAsync()
    {
        _smtp = new SmtpSink();
        _app = await AcceptanceChainEndToEndTests.StartAsync(_smtp, _clock);
        await _app.SetUpCountyAsync(villages: 1);
        var unitToken = SampleCounty.TokenOf((await _smtp.WaitForAsync(m => m.To.Contains("village1@example.cn"))).LinkWith("/u/"));
        (await _app.SubmitAsync(unitToken)).EnsureSuccessStatusCode();
        _caseId = SampleCounty.CaseId("V1");
        _townshipLink = (await _smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal))).LinkWith("/r/");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task ForgedSignature_RefusedOnPageAndApi_NothingChanges()
    {
        var token = SampleCounty.TokenOf(_townshipLink);
        var forged = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];

        using var page = await _app.Client.GetAsync(new Uri($"/r/{forged}", UriKind.Relative));
        using var api = await _app.DecideAsync($"http://x/r/{forged}", "Approve", "伪造");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task OtherReviewersOrOtherStagesToken_ProperlySigned_IsRefused()
    {
        var keys = _app.Services.GetRequiredService<LinkKeyRing>();
        var expires = _clock.GetUtcNow().AddDays(30);
        var intruder = ApprovalTokens.Issue(new ApprovalTokenClaims(_caseId, 1, "intruder@example.cn", ApprovalActions.Approve, expires, ApprovalTokens.NewNonce()), keys);
        var otherStage = ApprovalTokens.Issue(new ApprovalTokenClaims(_caseId, 2, "county@example.cn", ApprovalActions.Approve, expires, ApprovalTokens.NewNonce()), keys);

        foreach (var token in new[] { intruder, otherStage })
        {
            using var page = await _app.Client.GetAsync(new Uri($"/r/{token}", UriKind.Relative));
            using var api = await _app.DecideAsync($"http://x/r/{token}", "Approve", "越权");
            Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
            Assert.Equal(HttpStatusCode.Gone, api.StatusCode);
        }

        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task ExpiredLink_RefusedWithItsReason()
    {
        _clock.Advance(TimeSpan.FromDays(91));

        using var page = await _app.Client.GetAsync(new Uri(_townshipLink));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("已过期", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithoutPageNonce_Refused_AndReplayedDecision_AnsweredAlreadyDecided()
    {
        using var noNonce = await _app.Client.PostAsync(new Uri(_townshipLink), new FormUrlEncodedContent(new Dictionary<string, string> { ["step"] = "confirm", ["action"] = "Approve" }));
        Assert.Equal(HttpStatusCode.Forbidden, noNonce.StatusCode);
        await AssertUnchangedAsync();

        using var first = await _app.DecideAsync(_townshipLink, "Approve", "同意。");
        using var replay = await _app.DecideAsync(_townshipLink, "Reject", "重放");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        var problem = JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("镇审核员", problem.GetProperty("decidedBy").GetString());
        await _app.WaitForCaseAsync(_caseId, c => c.GetProperty("stage").GetInt32() == 2);
        var decisions = (await _app.CaseAsync(_caseId)).GetProperty("decisions");
        Assert.Equal(1, decisions.GetArrayLength());
        Assert.Equal("Approve", decisions[0].GetProperty("action").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task CommitteeOutsideTheSubtree_CannotReadTheCase_InsideCan()
    {
        var outside = await IssueKeyAsync("T2");
        var inside = await IssueKeyAsync("T1");

        Assert.Equal(HttpStatusCode.NotFound, await StatusWithKeyAsync(outside));
        Assert.Equal(HttpStatusCode.OK, await StatusWithKeyAsync(inside));

        // A reviewer's task link for this case does not open another case either.
        var otherCase = SampleCounty.CaseId("E1");
        using var cross = await _app.Client.GetAsync(new Uri($"/api/cases/{otherCase}?t={SampleCounty.TokenOf(_townshipLink)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, cross.StatusCode);
    }

    private async Task<string> IssueKeyAsync(string committee)
    {
        using var response = await _app.AdminPostAsync($"/api/admin/committees/{committee}/api-keys", string.Empty);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("apiKey").GetString()!;
    }

    private async Task<HttpStatusCode> StatusWithKeyAsync(string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{_caseId}", UriKind.Relative));
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await _app.Client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task AssertUnchangedAsync()
    {
        var state = await _app.CaseAsync(_caseId);
        Assert.Equal("UnderReview", state.GetProperty("status").GetString());
        Assert.Equal(1, state.GetProperty("stage").GetInt32());
        Assert.Empty(state.GetProperty("decisions").EnumerateArray());
        Assert.DoesNotContain(state.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "提交审核决定");
        _ = Encoding.UTF8;
    }
}
