using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GuanGong.LocalStack.Mail;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>Cases carried along the chain by the real app on Azurite, with email through a real SMTP conversation.</summary>
public sealed partial class AcceptanceChainEndToEndTests
{
    [Fact]
    public async Task Case_SubmittedApprovedByTownshipAndCounty_PassesAndUnitIsNotified()
    {
        await using var smtp = new SmtpSink();
        await using var app = await StartAsync(smtp);
        await app.SetUpCountyAsync();
        var invitation = await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn") && m.Subject.Contains("请填报", StringComparison.Ordinal));
        var unitToken = SampleCounty.TokenOf(invitation.LinkWith("/u/"));

        using var submitted = await app.SubmitAsync(unitToken, idempotencyKey: "first-try");
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var accepted = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
        var caseId = accepted.GetProperty("caseId").GetString()!;
        Assert.Equal(SampleCounty.CaseId("V1"), caseId);
        Assert.Equal($"/api/cases/{caseId}", submitted.Headers.Location?.ToString());

        var townshipMail = await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.Contains("请审核", StringComparison.Ordinal));
        var townshipLink = townshipMail.LinkWith("/r/");

        // Mail scanners fetch links: any number of GETs (and a HEAD) change nothing.
        for (var i = 0; i < 3; i++)
        {
            using var page = await app.Client.GetAsync(new Uri(townshipLink));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using (var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(townshipLink))))
        {
            Assert.True(head.StatusCode is HttpStatusCode.OK or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound);
        }

        var before = await app.CaseAsync(caseId);
        Assert.Equal("UnderReview", before.GetProperty("status").GetString());
        Assert.Empty(before.GetProperty("decisions").EnumerateArray());

        await DecideOnPageAsync(app, townshipLink, "Approve", "材料齐全，同意上报。");
        var countyMail = await smtp.WaitForAsync(m => m.To.Contains("county@example.cn") && m.Subject.Contains("请审核", StringComparison.Ordinal));
        await DecideOnPageAsync(app, countyMail.LinkWith("/r/"), "Approve", "验收合格。");

        var passed = await app.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "Passed");
        Assert.Equal(2, passed.GetProperty("decisions").GetArrayLength());
        Assert.True(passed.GetProperty("verdict").GetProperty("outcome").GetString() == "passed");
        var verdictMail = await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn") && m.Subject.Contains("验收结果", StringComparison.Ordinal));
        Assert.Contains("达标", verdictMail.Subject, StringComparison.Ordinal);
        var history = passed.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("审核通过", history);
        // The first activity records the submission once, with the origin the request carried into the workflow.
        var submittedEntry = Assert.Single(passed.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "提交自评");
        Assert.Equal("127.0.0.1", submittedEntry.GetProperty("ipAddress").GetString());
        Assert.Equal("village1@example.cn", submittedEntry.GetProperty("actor").GetString());
        Assert.Equal(["提交自评", "开始审核"], history.Take(2));

        // The same Idempotency-Key answers with the first result, even though the case has moved on.
        using var retried = await app.SubmitAsync(unitToken, idempotencyKey: "first-try");
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(accepted.GetRawText(), JsonDocument.Parse(await retried.Content.ReadAsStringAsync()).RootElement.GetRawText());

        // A used link says who decided and when; posting it again changes nothing.
        using var used = await app.Client.GetAsync(new Uri(townshipLink));
        var usedPage = await used.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, used.StatusCode);
        Assert.Contains("镇审核员", usedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case_ReturnedForRectification_ResubmittedOnSameCaseThenPasses()
    {
        await using var smtp = new SmtpSink();
        await using var app = await StartAsync(smtp);
        await app.SetUpCountyAsync();
        var unitToken = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains("village2@example.cn"))).LinkWith("/u/"));
        using var submitted = await app.SubmitAsync(unitToken, SampleCounty.SelfSheet(shortfall: 1));
        var caseId = SampleCounty.CaseId("V2");

        var first = await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.Contains("第2村", StringComparison.Ordinal));
        var refused = await PostFormAsync(app, first.LinkWith("/r/"), "Return", reason: string.Empty, confirm: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("必须填写理由", refused.Body, StringComparison.Ordinal);

        await DecideOnPageAsync(app, first.LinkWith("/r/"), "Return", "缺少五老队伍花名册，请补充。");
        var returned = await app.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "ReturnedForRectification");
        Assert.NotEqual(JsonValueKind.Null, returned.GetProperty("rectificationDueAt").ValueKind);
        var notice = await smtp.WaitForAsync(m => m.To.Contains("village2@example.cn") && m.Subject.Contains("需整改", StringComparison.Ordinal));
        Assert.Contains("缺少五老队伍花名册", notice.Body, StringComparison.Ordinal);

        using var resubmitted = await app.SubmitAsync(unitToken);
        Assert.Equal(HttpStatusCode.Accepted, resubmitted.StatusCode);
        Assert.True(JsonDocument.Parse(await resubmitted.Content.ReadAsStringAsync()).RootElement.GetProperty("resubmission").GetBoolean());

        var second = await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.Contains("第2村", StringComparison.Ordinal) && m != first);
        Assert.NotEqual(first.LinkWith("/r/"), second.LinkWith("/r/"));
        // The round-1 link was spent on the return: it shows that decision and cannot act in round 2.
        using (var stale = await app.Client.GetAsync(new Uri(first.LinkWith("/r/"))))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("退回整改", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await DecideOnPageAsync(app, second.LinkWith("/r/"), "Approve", "已补充，同意上报。");
        var county = await smtp.WaitForAsync(m => m.To.Contains("county@example.cn") && m.Subject.Contains("第2村", StringComparison.Ordinal));
        await DecideOnPageAsync(app, county.LinkWith("/r/"), "Approve", "验收合格。");
        var passed = await app.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "Passed");
        Assert.Equal(2, passed.GetProperty("round").GetInt32());
        Assert.Equal(3, passed.GetProperty("decisions").GetArrayLength());
    }

    internal static Task<RunningApp> StartAsync(SmtpSink smtp, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["GuanGong:Mail:Delivery"] = "Smtp",
            ["GuanGong:Mail:Smtp:Host"] = "127.0.0.1",
            ["GuanGong:Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return RunningApp.StartAsync(settings, time);
    }

    /// <summary>
    /// The sample county with one village, whose case is submitted and waits for the township: the unit's token, the
    /// case id and the township's review mail.
    /// </summary>
    internal static async Task<(string UnitToken, string CaseId, MailFile TownshipMail)> SubmitVillageCaseAsync(RunningApp app, SmtpSink smtp)
    {
        await app.SetUpCountyAsync(villages: 1);
        var unitToken = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn"))).LinkWith("/u/"));
        (await app.SubmitAsync(unitToken)).EnsureSuccessStatusCode();
        var township = await smtp.WaitForAsync(m => m.To.Any(t => t.Contains("town@example.cn", StringComparison.Ordinal)) && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        return (unitToken, SampleCounty.CaseId("V1"), township);
    }

    internal static async Task DecideOnPageAsync(RunningApp app, string link, string action, string reason)
    {
        var review = await PostFormAsync(app, link, action, reason, confirm: false);
        Assert.Equal(HttpStatusCode.OK, review.Status);
        Assert.Contains("请确认", review.Body, StringComparison.Ordinal);
        var done = await PostFormAsync(app, link, action, reason, confirm: true, page: review.Body);
        Assert.True(done.Status == HttpStatusCode.OK, done.Body);
        Assert.Contains("已办理", done.Body, StringComparison.Ordinal);
    }

    internal static async Task<(HttpStatusCode Status, string Body)> PostFormAsync(RunningApp app, string link, string action, string reason, bool confirm, string? page = null)
    {
        page ??= await app.Client.GetStringAsync(new Uri(link));
        var nonce = FormNonce().Match(page).Groups[1].Value;
        var fields = new Dictionary<string, string> { ["formNonce"] = System.Net.WebUtility.HtmlDecode(nonce), ["step"] = confirm ? "confirm" : "review", ["action"] = action, ["reason"] = reason };
        using var response = await app.Client.PostAsync(new Uri(link), new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"formNonce\" value=\"([^\"]*)\"")]
    private static partial Regex FormNonce();
}
