using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GuanGong.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GuanGong.Reliability.Tests.Hardening;

/// <summary>
/// What the attack on the running app found (issue 17, points 3 to 9), each tried again on the running
/// app: tokens leave URLs at first use, units see names but no addresses, spent links read nothing,
/// export buttons carry no county-wide link, pages send their security headers, the Local profile
/// answers only its own host names.
/// </summary>
public sealed partial class AccessHardeningTests(HardenedCounty county, ITestOutputHelper output) : IClassFixture<HardenedCounty>
{
    private RunningApp App => county.App;

    [Fact]
    public async Task LinkToken_FirstUse_ExchangedForPathCookieAndRedirectedWithoutToken()
    {
        using var raw = county.RawClient();
        var decisionsBefore = (await App.CaseAsync(county.CaseId)).GetProperty("decisions").GetArrayLength();
        foreach (var (kind, token) in new[] { ("u", county.UnitToken), ("r", SampleCounty.TokenOf(county.ReviewLink)) })
        {
            using var first = await raw.GetAsync(new Uri($"/{kind}/{token}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
            var location = first.Headers.Location!.OriginalString;
            Assert.DoesNotContain(token, location, StringComparison.Ordinal);
            Assert.Matches($"^/{kind}/h-[0-9a-f]{{32}}$", location);
            var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"path={location}", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("no-store", first.Headers.CacheControl?.ToString());

            // The page under the handle opens with the cookie, and none of its links puts the token back in a URL.
            using var page = new HttpRequestMessage(HttpMethod.Get, new Uri(location, UriKind.Relative));
            page.Headers.Add("Cookie", cookie.Split(';')[0]);
            using var opened = await raw.SendAsync(page);
            var html = await opened.Content.ReadAsStringAsync();
            Assert.DoesNotContain($"/{kind}/{token}", html, StringComparison.Ordinal);
            if (opened.StatusCode != HttpStatusCode.Conflict)
            {
                // (A reviewer link another test has spent shows its decision only, with no links at all.)
                Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
                Assert.Contains(location, html, StringComparison.Ordinal);
            }

            Assert.Equal("no-store", opened.Headers.CacheControl?.ToString());

            // Without the cookie the handle opens nothing: one same-site retry, then a request to click the mail's link again.
            using var bare = await raw.GetAsync(new Uri(location + "?again=1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
            Assert.DoesNotContain("自评", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Scanners that follow the links spend nothing: no decision is taken by opening them.
        Assert.Equal(decisionsBefore, (await App.CaseAsync(county.CaseId)).GetProperty("decisions").GetArrayLength());
        ResultsTable.Add("Hardening", "GET of an emailed /u/ and /r/ link: 303 to a token-free URL with an HttpOnly SameSite=Strict path cookie; nothing spent", "303, cookie, 0 decisions", "no token in any URL after the first", true);
    }

    [Fact]
    public void LinkToken_Payload_KeepsRecipientEmailUnreadable()
    {
        var payload = county.UnitToken.Split('.')[2].Replace('-', '+').Replace('_', '/');
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));

        Assert.StartsWith("v2.", county.UnitToken, StringComparison.Ordinal);
        Assert.DoesNotContain("@", json, StringComparison.Ordinal);
        Assert.DoesNotContain("village1", json, StringComparison.Ordinal);
        Assert.Equal("unit:" + county.CaseId, LinkTokens.SubjectOf(county.UnitToken));
        ResultsTable.Add("Hardening", "a link token's readable part (base64 payload): the recipient's email", "sealed (no '@', no mailbox name)", "not readable", true);
    }

    [Fact]
    public async Task SpentReviewerLink_AfterDecision_ShowsDecisionOnly_ReadsNoCaseNorLedgers()
    {
        var token = SampleCounty.TokenOf(county.ReviewLink);
        using var raw = county.RawClient();
        using (var before = await LedgersWithAsync(raw, token))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var decided = await App.DecideAsync(county.ReviewLink, "Approve", "同意"))
        {
            Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        }

        await App.WaitForCaseAsync(county.CaseId, c => c.GetProperty("decisions").GetArrayLength() >= 1);

        using var ledgers = await LedgersWithAsync(raw, token);
        using var caseRead = await raw.GetAsync(new Uri($"/api/cases/{county.CaseId}?t={Uri.EscapeDataString(token)}", UriKind.Relative));
        using var page = await App.Client.GetAsync(new Uri($"/r/{token}", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.True(ledgers.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"ledgers: {ledgers.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, caseRead.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("此任务已办理", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/ledgers/content", html, StringComparison.Ordinal);
        Assert.DoesNotContain("自评报告", html, StringComparison.Ordinal);

        // Who sees what: the unit sees the reviewer's name and decision, never addresses, IPs or browsers; the admin sees all.
        using var asUnit = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{county.CaseId}", UriKind.Relative));
        asUnit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", county.UnitToken);
        using var unitView = await raw.SendAsync(asUnit);
        var unitJson = await unitView.Content.ReadAsStringAsync();
        var adminJson = (await App.CaseAsync(county.CaseId)).GetRawText();
        output.WriteLine(unitJson);

        Assert.Equal(HttpStatusCode.OK, unitView.StatusCode);
        Assert.DoesNotContain("town@example.cn", unitJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", unitJson, StringComparison.Ordinal);
        using (var parsed = JsonDocument.Parse(unitJson))
        {
            Assert.All(parsed.RootElement.GetProperty("history").EnumerateArray(), e =>
            {
                Assert.True(!e.TryGetProperty("userAgent", out var agent) || agent.ValueKind == JsonValueKind.Null);
                Assert.True(!e.TryGetProperty("ipAddress", out var ip) || ip.ValueKind == JsonValueKind.Null);
            });
            Assert.False(string.IsNullOrEmpty(parsed.RootElement.GetProperty("decisions")[0].GetProperty("reviewerName").GetString()));
        }

        Assert.Contains("town@example.cn", adminJson, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("127.0.0.1", adminJson, StringComparison.Ordinal);

        // The uploaded file's name (it names a child) is in no audit entry.
        Assert.DoesNotContain("张小明", adminJson, StringComparison.Ordinal);
        Assert.Contains("台账文件", adminJson, StringComparison.Ordinal);
        ResultsTable.Add("Hardening", "a decided reviewer link: case read, ledger list, page", $"case {(int)caseRead.StatusCode}, ledgers {(int)ledgers.StatusCode}, page {(int)page.StatusCode} (decision only)", "no case, no ledger links", true);
        ResultsTable.Add("Hardening", "GET /api/cases/{id} with the unit's link: reviewer emails, IPs, browsers; uploaded file names in the audit", "none shown to the unit (admin sees them); no file name in the audit", "none", true);
    }

    [Fact]
    public async Task DashboardExportButtons_CarryOnePurposeToken_ThatReadsNothingElse()
    {
        using var browser = county.RawClient();
        var session = await SignInAsync(browser);

        var html = await GetWithCookieAsync(browser, $"/d/{SampleCounty.CampaignId}", session, HttpStatusCode.OK);
        var tokens = ExportToken().Matches(html).Select(m => Uri.UnescapeDataString(WebUtility.HtmlDecode(m.Groups[1].Value))).Distinct().ToList();
        var token = Assert.Single(tokens);
        Assert.StartsWith("export:", LinkTokens.SubjectOf(token), StringComparison.Ordinal);

        using var raw = county.RawClient();
        using var caseRead = await raw.GetAsync(new Uri($"/api/cases/{county.CaseId}?t={Uri.EscapeDataString(token)}", UriKind.Relative));
        using var statistics = await raw.GetAsync(new Uri($"/api/campaigns/{SampleCounty.CampaignId}/statistics?t={Uri.EscapeDataString(token)}", UriKind.Relative));
        using var csv = await raw.GetAsync(new Uri($"/api/campaigns/{SampleCounty.CampaignId}/results.csv?t={Uri.EscapeDataString(token)}", UriKind.Relative));
        using var otherCampaign = await raw.GetAsync(new Uri($"/api/campaigns/other2026/results.csv?t={Uri.EscapeDataString(token)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, caseRead.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, statistics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherCampaign.StatusCode);
        ResultsTable.Add("Hardening", "the dashboard's export token used on a case, the statistics, another campaign", $"{(int)caseRead.StatusCode}/{(int)statistics.StatusCode}/{(int)otherCampaign.StatusCode}; export {(int)csv.StatusCode}", "exports only", true);
    }

    [Fact]
    public async Task DashboardSessions_RevokedOnTheServer_SignInAgain()
    {
        using var browser = county.RawClient();
        var session = await SignInAsync(browser);

        await GetWithCookieAsync(browser, "/d", session, HttpStatusCode.OK);

        county.Clock.Advance(TimeSpan.FromSeconds(1));
        using (var stray = await App.Client.AdminPostAsync(RunningApp.AdminKey, "/api/admin/sessions/revoke", string.Empty))
        {
            Assert.Equal(HttpStatusCode.BadRequest, stray.StatusCode);
        }

        await GetWithCookieAsync(browser, "/d", session, HttpStatusCode.OK);
        using (var revoke = await App.Client.AdminPostAsync(RunningApp.AdminKey, "/api/admin/sessions/revoke", """{"scope":"all"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        await GetWithCookieAsync(browser, "/d", session, HttpStatusCode.Redirect);
        ResultsTable.Add("Hardening", "POST /api/admin/sessions/revoke {\"scope\":\"all\"} with a signed-in dashboard session", "the session's next page redirects to sign-in (a body without the scope: 400, session kept)", "signed out on the server", true);
    }

    [Fact]
    public async Task Pages_SendSecurityHeaders_AndNoInlineScript()
    {
        using var raw = county.RawClient();
        var cookie = await ExchangeAsync(raw, "u", county.UnitToken);
        foreach (var (path, cookieHeader) in new[] { ("/d/login", (string?)null), (cookie.Location, cookie.Cookie), ("/dev/mail", null), ("/api/health", null) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            if (cookieHeader is not null)
            {
                request.Headers.Add("Cookie", cookieHeader);
            }

            using var response = await raw.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.NotEmpty(response.Headers.GetValues("Permissions-Policy"));
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            // The Local profile is plain http on loopback: no HSTS (every other profile sends it, see EdgePolicyTests).
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        }

        ResultsTable.Add("Hardening", "headers of the sign-in page, a link-opened page, /dev/mail, /api/health", "CSP default-src 'self', frame-ancestors 'none', no unsafe-inline, no inline script; nosniff; no-referrer; Permissions-Policy; no-store", "all on every answer (HSTS outside Local)", true);
    }

    [Fact]
    public async Task LocalProfile_ForeignHostHeader_Refused_SoRebindingCannotReadTheMailbox()
    {
        using var raw = county.RawClient();
        using var rebinding = new HttpRequestMessage(HttpMethod.Get, new Uri("/dev/mail", UriKind.Relative));
        rebinding.Headers.Host = "attacker.example";
        using var refused = await raw.SendAsync(rebinding);
        using var own = await raw.GetAsync(new Uri("/dev/mail", UriKind.Relative));
        using var localhost = new HttpRequestMessage(HttpMethod.Get, new Uri("/dev/mail", UriKind.Relative));
        localhost.Headers.Host = $"localhost:{App.BaseAddress.Port}";
        using var viaLocalhost = await raw.SendAsync(localhost);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("本地邮箱", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaLocalhost.StatusCode);
        ResultsTable.Add("Hardening", "GET /dev/mail with a foreign Host header (DNS rebinding), Local profile", $"{(int)refused.StatusCode}", "400", refused.StatusCode == HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SignInNext_WithLineBreak_Answers400NotServerError()
    {
        using var raw = county.RawClient();
        using var posted = await raw.PostAsync(new Uri("/d/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = RunningApp.AdminKey, ["next"] = "/d/x\r\nSet-Cookie: a=b" }));
        using var shown = await raw.GetAsync(new Uri("/d/login?next=%2Fd%2Fx%0D%0ALocation:%20x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
        Assert.Contains("跳转地址不正确", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        ResultsTable.Add("Hardening", "sign-in's next= with CR/LF (POST and GET)", $"{(int)posted.StatusCode}/{(int)shown.StatusCode}", "400, not 500", true);
    }

    // The session cookie is sent by hand: its expiry follows the app's (fake) clock, which a cookie jar would call past.
    private static async Task<string> SignInAsync(HttpClient client)
    {
        using var login = await client.PostAsync(new Uri("/d/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = RunningApp.AdminKey, ["next"] = "/d" }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gg_dashboard=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<string> GetWithCookieAsync(HttpClient client, string path, string cookie, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> LedgersWithAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{SampleCounty.CaseId("V1")}/ledgers", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static async Task<(string Location, string Cookie)> ExchangeAsync(HttpClient raw, string kind, string token)
    {
        using var first = await raw.GetAsync(new Uri($"/{kind}/{token}", UriKind.Relative));
        return (first.Headers.Location!.OriginalString, first.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
    }

    [GeneratedRegex("""results\.csv\?[^"]*?&amp;t=([^"&]+)""")]
    private static partial Regex ExportToken();

    // A script element that runs inline code: no src, and not a JSON data block.
    [GeneratedRegex("""<script(?![^>]*\bsrc=)(?![^>]*type="application/json")[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
