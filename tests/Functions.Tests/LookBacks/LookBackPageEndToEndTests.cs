using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuanGong.Domain.Campaigns;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Tests.Campaigns;
using GuanGong.Functions.Tests.Workflow;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.LookBacks;

/// <summary>
/// Issue 16, parts 2–4 on the running app: the look-back's orders and the naming from /d/{campaign}/lookback (plain
/// forms with the page's nonce, through the same services as the API), bad input answered in Chinese with what was
/// typed kept, and a unit named and then revoked by a look-back taken off the decision and the certificates, audited.
/// </summary>
public sealed partial class LookBackPageEndToEndTests
{
    private static readonly string Page = $"/d/{SampleCounty.CampaignId}/lookback?year=2026";

    private static CampaignSettings Campaign() => LookBackEndToEndTests.Campaign();

    [Fact]
    public async Task County_NamesFromThePage_ThenRevokesANamedUnit_WhichLeavesTheDecisionAndCertificates()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(Campaign());
        await app.LaunchAsync(2026);
        await app.PassVillageAsync(smtp, 1, 2026);
        await app.PassVillageAsync(smtp, 2, 2026);
        using var browser = await SignedInAsync(app);

        // The naming list: nothing ticked or no one named is refused in Chinese, and what was typed stays.
        var page = await browser.GetStringAsync(Page);
        Assert.Contains("审定2026年度命名名单", page, StringComparison.Ordinal);
        var form = FormWith(page, "审定命名名单");
        using (var none = await PostAsync(browser, form, ("do", "name"), ("approvedBy", "县关工委主任办公会")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
            var body = await none.Content.ReadAsStringAsync();
            Assert.Contains("请至少勾选一个要命名的单位", body, StringComparison.Ordinal);
            Assert.Contains("value=\"县关工委主任办公会\"", body, StringComparison.Ordinal);
        }

        using (var nobody = await PostAsync(browser, form, ("do", "name"), ("named", "V1"), ("named", "V2"), ("approvedBy", " ")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
            Assert.Contains("请填写审定人", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var forged = await PostAsync(browser, form with { Nonce = "x" }, ("do", "name"), ("named", "V1"), ("approvedBy", "县")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Contains("页面已过期", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(JsonNull, (await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/commendations/2026")).Body.GetProperty("approved").ValueKind);
        using (var named = await PostAsync(browser, form, ("do", "name"), ("named", "V1"), ("named", "V2"), ("approvedBy", "县关工委主任办公会")))
        {
            Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
            Assert.Contains("done=name", named.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        page = await browser.GetStringAsync(Page + "&done=name");
        Assert.Contains("命名名单已审定", page, StringComparison.Ordinal);
        Assert.Contains("证书编号 2026-002", page, StringComparison.Ordinal);
        Assert.DoesNotContain("审定2026年度命名名单", page, StringComparison.Ordinal);
        Assert.Contains("命名以下 2 个单位", DocxText(await DownloadAsync(browser, page, "decision.docx")), StringComparison.Ordinal);

        // The county draws the look-back from the page: a missing name is refused, then every passed unit is drawn.
        form = FormWith(page, "抽取2026年度回头看单位");
        using (var unnamed = await PostAsync(browser, form, ("do", "draw"), ("drawnBy", "")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
            Assert.Contains("请填写组织人", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var drawn = await PostAsync(browser, form, ("do", "draw"), ("drawnBy", "王主任")))
        {
            Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        }

        page = await browser.GetStringAsync(Page + "&done=draw");
        Assert.Contains("已抽取回头看单位", page, StringComparison.Ordinal);
        var unitForm = FormWith(page, "第2村关工委（城关镇关工委）");

        // A finding without its text is refused and the name typed stays; then it is recorded.
        using (var blank = await PostAsync(browser, unitForm, ("do", "finding"), ("text", " "), ("person", "李检查员"), ("days", "20")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
            var body = await blank.Content.ReadAsStringAsync();
            Assert.Contains("请填写检查情况", body, StringComparison.Ordinal);
            Assert.Contains("value=\"李检查员\"", body, StringComparison.Ordinal);
        }

        using (var found = await PostAsync(browser, unitForm, ("do", "finding"), ("text", "活动记录空白。"), ("person", "李检查员"), ("days", "20")))
        {
            Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        }

        Assert.Contains("活动记录空白。", await browser.GetStringAsync(Page), StringComparison.Ordinal);

        // 撤销 from the page: the case is revoked, and the naming of 2026 is taken back.
        using (var revoked = await PostAsync(browser, unitForm, ("do", "revoke"), ("text", "活动记录空白\n五老队伍名册不实"), ("person", "王主任"), ("days", "20")))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        Assert.Equal("Revoked", (await app.CaseAsync(CaseIds.For(SampleCounty.CampaignId, 2026, "V2"))).GetProperty("status").GetString());
        var (_, naming) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/commendations/2026");
        var units = naming.GetProperty("approved").GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(JsonNull, units.Single(u => u.GetProperty("unitCode").GetString() == "V1").GetProperty("revokedAt").ValueKind);
        Assert.Contains("五老队伍名册不实", units.Single(u => u.GetProperty("unitCode").GetString() == "V2").GetProperty("revokedBecause").GetString(), StringComparison.Ordinal);

        page = await browser.GetStringAsync(Page);
        Assert.Contains("已撤销命名", page, StringComparison.Ordinal);
        Assert.Contains("活动记录空白；五老队伍名册不实（王主任）", page, StringComparison.Ordinal); // a person, never a code
        Assert.DoesNotContain("第2村关工委（城关镇关工委）</h3>", page, StringComparison.Ordinal); // no form for a unit ordered
        var decision = DocxText(await DownloadAsync(browser, page, "decision.docx"));
        Assert.Contains("命名以下 1 个单位", decision, StringComparison.Ordinal);
        Assert.DoesNotContain("第2村", decision, StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(await DownloadAsync(browser, page, "certificates.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, csv.Length);
        Assert.StartsWith("2026-001,第1村关工委", csv[1], StringComparison.Ordinal);

        var audit = await app.Services.GetRequiredService<AuditLog>().ReadAsync(SampleCounty.CampaignId, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "撤销命名" && e.Detail!.Contains("第2村关工委", StringComparison.Ordinal) && e.Detail.Contains("2026-002", StringComparison.Ordinal));
        Assert.Contains(await app.Services.GetRequiredService<AuditLog>().ReadAsync(CaseIds.For(SampleCounty.CampaignId, 2026, "V2"), CancellationToken.None), e => e.Action == "撤销命名");
    }

    [Fact]
    public async Task Township_ThroughItsDashboardLink_DrawsItsOwnUnitsAndOrdersRectification_AUnitLinkCannot()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(Campaign());
        await app.LaunchAsync(2026);
        var unitToken = await smtp.InvitationTokenAsync("village1@example.cn", 2026);
        var caseId = await app.PassAsync(smtp, unitToken, "第1村", "town@example.cn", "county@example.cn");
        var links = app.Services.GetRequiredService<ReviewLinks>();
        var t = Uri.EscapeDataString(links.DashboardToken("T1", "town@example.cn", TimeProvider.System.GetUtcNow().AddHours(1)));
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        var page = await FollowAsync(browser, $"{Page}&t={t}");
        Assert.Contains("办理回头看（城关镇关工委）", page, StringComparison.Ordinal);
        Assert.DoesNotContain("审定2026年度命名名单", page, StringComparison.Ordinal); // the county's alone
        using (var drawn = await PostAsync(browser, FormWith(page, "抽取2026年度回头看单位"), ("do", "draw"), ("drawnBy", "镇审核员")))
        {
            Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        }

        var (_, list) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/lookbacks");
        Assert.Equal("T1", Assert.Single(list.GetProperty("lookBacks").EnumerateArray()).GetProperty("committeeCode").GetString());

        page = await FollowAsync(browser, $"{Page}&t={t}");
        var unitForm = FormWith(page, "第1村关工委（城关镇关工委）");
        using (var badDays = await PostAsync(browser, unitForm, ("do", "rectify"), ("text", "补齐活动记录。"), ("person", "镇审核员"), ("days", "九十")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badDays.StatusCode);
            var body = await badDays.Content.ReadAsStringAsync();
            Assert.Contains("整改期限请填写 1 到 60 之间的整数", body, StringComparison.Ordinal);
            Assert.Contains("补齐活动记录。</textarea>", body, StringComparison.Ordinal);
        }

        using (var tooLong = await PostAsync(browser, unitForm, ("do", "rectify"), ("text", "补齐活动记录。"), ("person", "镇审核员"), ("days", "90")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
            Assert.Contains("整改期限应为 1 到 60 个工作日", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var ordered = await PostAsync(browser, unitForm, ("do", "rectify"), ("text", "补齐活动记录。"), ("person", "镇审核员"), ("days", "5")))
        {
            Assert.Equal(HttpStatusCode.Redirect, ordered.StatusCode);
        }

        Assert.Equal("ReturnedForRectification", (await app.CaseAsync(caseId)).GetProperty("status").GetString());
        await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn") && m.Subject.StartsWith("【限期整改】", StringComparison.Ordinal));
        Assert.Contains("限期整改中", await FollowAsync(browser, $"{Page}&t={t}"), StringComparison.Ordinal);

        // A unit's own link neither sees nor acts; a post without a link is sent to sign in.
        var unitLink = Uri.EscapeDataString(unitToken);
        using (var unit = await browser.PostAsync($"{Page}&t={unitLink}", new FormUrlEncodedContent(new Dictionary<string, string> { ["do"] = "draw", ["drawnBy"] = "x" })))
        {
            Assert.True(unit.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, unit.StatusCode.ToString());
        }

        using var anonymous = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress }
            .PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["do"] = "draw" }));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/d/login?next=", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static readonly System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    private sealed record Form(string Action, string Nonce, string? LookBack, string? Unit);

    private static async Task<HttpClient> SignedInAsync(RunningApp app)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var login = await browser.PostAsync("/d/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = RunningApp.AdminKey, ["next"] = Page }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    // The form that holds the given text (its heading or its button), with its action and hidden fields.
    private static Form FormWith(string page, string text)
    {
        var match = FormPattern().Matches(page).FirstOrDefault(m => m.Value.Contains(text, StringComparison.Ordinal));
        Assert.True(match is not null, $"No form with “{text}” on the page.");
        string? Hidden(string name) =>
            Regex.Match(match.Value, $"<input type=\"hidden\" name=\"{name}\" value=\"(?<v>[^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["v"].Value) : null;
        return new Form(WebUtility.HtmlDecode(match.Groups["action"].Value), Hidden("nonce")!, Hidden("lookBack"), Hidden("unit"));
    }

    // A link's ?t= is moved into a cookie by a 303 to the same page without it, as a browser would follow.
    private static async Task<string> FollowAsync(HttpClient browser, string url)
    {
        for (var hop = 0; hop < 3; hop++)
        {
            using var response = await browser.GetAsync(url);
            if (response.StatusCode is not (HttpStatusCode.SeeOther or HttpStatusCode.Redirect))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await response.Content.ReadAsStringAsync();
            }

            url = response.Headers.Location!.OriginalString;
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, Form form, params (string Name, string Value)[] fields)
    {
        var all = new List<KeyValuePair<string, string>> { new("nonce", form.Nonce) };
        if (form.LookBack is not null)
        {
            all.Add(new("lookBack", form.LookBack));
            all.Add(new("unit", form.Unit!));
        }

        all.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return browser.PostAsync(form.Action, new FormUrlEncodedContent(all));
    }

    private static async Task<byte[]> DownloadAsync(HttpClient browser, string page, string file)
    {
        var href = Regex.Match(page, $"href=\"(?<h>[^\"]*/{Regex.Escape(file)}[^\"]*)\"").Groups["h"].Value;
        Assert.False(string.IsNullOrEmpty(href), $"No link to {file} on the page.");
        using var response = await browser.GetAsync(WebUtility.HtmlDecode(href));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string DocxText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*)\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();
}
