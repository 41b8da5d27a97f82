using System.Net;
using System.Text;
using System.Text.Json;
using GuanGong.Functions.Http;
using GuanGong.Functions.Reviews;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Calendars;

/// <summary>
/// The calendar on the pages and the 督查 record, on the real app and Azurite: the dashboard shows what is due next and who
/// has not submitted with a button that re-sends the link; a township records a visit through the API and the page, and
/// downloads its files there (the county too, another township not); the
/// administrator reads and loads the holiday calendar on its page.
/// </summary>
public sealed class CalendarPagesEndToEndTests
{
    [Fact]
    public async Task Dashboard_WithCalendar_ShowsDueNextAndNotSubmitted_AndItsButtonResendsTheLink()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 19, 1, 0, 0, TimeSpan.Zero));
        await using var smtp = new SmtpSink();
        await using var app = await SubmissionReminderEndToEndTests.StartAsync(smtp, clock);
        await app.Client.SetUpCountyAsync(RunningApp.AdminKey, villages: 2);
        await smtp.WaitForAsync(m => m.To.Any(a => a.StartsWith("village2@", StringComparison.Ordinal)));
        await SubmissionReminderEndToEndTests.PutCalendarAsync(app, """{"year":2026,"submissionDeadline":"2026-10-30","reminderWorkingDays":[5,1],"acceptanceStart":"2026-11-16","acceptanceEnd":"2026-12-18"}""");

        var token = app.Services.GetRequiredService<ReviewLinks>().DashboardToken("T1", "town@example.cn", clock.GetUtcNow().AddDays(1));
        var page = await app.Client.GetStringAsync(new Uri($"/d/{SampleCounty.CampaignId}?t={Uri.EscapeDataString(token)}", UriKind.Relative));
        Assert.Contains("接下来要办的事", page, StringComparison.Ordinal);
        Assert.Contains("基层单位自评申报截止，10月30日（周五）24:00 前", page, StringComparison.Ordinal);
        Assert.Contains("未提交的单位（3 个）", page, StringComparison.Ordinal); // the township itself, 第1村, 第2村 (the school is in another township)
        Assert.Contains("第2村关工委", page, StringComparison.Ordinal);
        Assert.DoesNotContain("东风小学", page, StringComparison.Ordinal);

        var action = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "action=\"(/d/[^\"]*/units/V2/resend[^\"]*)\"").Groups[1].Value);
        using var resend = await app.Client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode); // followed the redirect back to the dashboard
        Assert.Contains("已重新发送填报链接：第2村关工委", await resend.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await smtp.WaitForAsync(_ => smtp.Messages.Count(m => m.To.Any(a => a.StartsWith("village2@", StringComparison.Ordinal))) == 2);
    }

    [Fact]
    public async Task Visits_TownshipRecordsThroughApiAndPage_ListedForItAndTheCounty()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 20, 1, 0, 0, TimeSpan.Zero));
        await using var smtp = new SmtpSink();
        await using var app = await SubmissionReminderEndToEndTests.StartAsync(smtp, clock);
        await app.Client.SetUpCountyAsync(RunningApp.AdminKey, villages: 2);
        var key = await app.Services.GetRequiredService<ApiKeyStore>().IssueAsync("T1", clock.GetUtcNow(), CancellationToken.None);

        var body = """{"date":"2026-03-18","visitors":"张三、李四","visitedUnitCodes":["V1"],"findings":"台账齐全，五老队伍名册需更新。","attachments":[{"fileName":"照片.jpg","contentBase64":"/9j/4AAQ"}]}""";
        using var recorded = await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{SampleCounty.CampaignId}/visits", key, body);
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        using var visit = JsonDocument.Parse(await recorded.Content.ReadAsStringAsync());
        Assert.Equal("T1", visit.RootElement.GetProperty("committeeCode").GetString());
        Assert.Equal("照片.jpg", visit.RootElement.GetProperty("attachments")[0].GetProperty("fileName").GetString());

        using var outside = await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{SampleCounty.CampaignId}/visits", key, body.Replace("[\"V1\"]", "[\"E1\"]", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        using var blank = await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{SampleCounty.CampaignId}/visits", key, """{"date":"2026-03-18","visitors":"","findings":""}""");
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);

        var token = app.Services.GetRequiredService<ReviewLinks>().DashboardToken("T1", "town@example.cn", clock.GetUtcNow().AddDays(1));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("2026-03-19"), "date" },
            { new StringContent("王五"), "visitors" },
            { new StringContent("V2"), "units" },
            { new StringContent("活动记录完整。"), "findings" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("记录")), "files", "记录.txt" },
        };
        using var posted = await app.Client.PostAsync(new Uri($"/d/{SampleCounty.CampaignId}/visits?root=T1&t={Uri.EscapeDataString(token)}", UriKind.Relative), form);
        var page = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("督查记录已保存", page, StringComparison.Ordinal);
        Assert.Contains("已登记的检查（2 次）", page, StringComparison.Ordinal);
        Assert.Contains("台账齐全", page, StringComparison.Ordinal);
        Assert.Contains("记录.txt", page, StringComparison.Ordinal);

        using var countyList = await SendAsync(app, HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/visits?root=X1", null, null, admin: true);
        Assert.Equal(2, JsonDocument.Parse(await countyList.Content.ReadAsStringAsync()).RootElement.GetProperty("visits").GetArrayLength());

        // The files come back as recorded: through the API for the township and the county, never to another township.
        var visitId = visit.RootElement.GetProperty("visitId").GetString()!;
        var file = $"/api/campaigns/{SampleCounty.CampaignId}/visits/{visitId}/attachments/0";
        using (var own = await SendAsync(app, HttpMethod.Get, file, key, null))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal(Convert.FromBase64String("/9j/4AAQ"), await own.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/octet-stream", own.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("照片.jpg", own.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
        }

        using (var county = await SendAsync(app, HttpMethod.Get, file + "?root=X1", null, null, admin: true))
        {
            Assert.Equal(HttpStatusCode.OK, county.StatusCode);
        }

        var eastKey = await app.Services.GetRequiredService<ApiKeyStore>().IssueAsync("T2", clock.GetUtcNow(), CancellationToken.None);
        foreach (var (path, apiKey) in new[]
        {
            (file, eastKey), // a visit of another township
            ($"/api/campaigns/{SampleCounty.CampaignId}/visits/{visitId}/attachments/1", key), // no second file
            ($"/api/campaigns/{SampleCounty.CampaignId}/visits/{visitId}/attachments/x", key),
            ($"/api/campaigns/{SampleCounty.CampaignId}/visits/{visitId.ToUpperInvariant()}/attachments/0", key),
            ($"/api/campaigns/{SampleCounty.CampaignId}/visits/{visitId}/attachments/0?year=2027", key), // not that year's
        })
        {
            using var refused = await SendAsync(app, HttpMethod.Get, path, apiKey, null);
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)refused.StatusCode}");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using (var anonymous = await SendAsync(app, HttpMethod.Get, file, null, null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        // And from the page, by the link it shows beside the file's name.
        var link = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "href=\"(/d/[^\"]*/files/0[^\"]*)\"[^>]*>下载 记录\\.txt").Groups[1].Value);
        Assert.Contains("t=", link, StringComparison.Ordinal);
        using (var fromPage = await app.Client.GetAsync(new Uri(link, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
            Assert.Equal("记录", Encoding.UTF8.GetString(await fromPage.Content.ReadAsByteArrayAsync()));
            Assert.Equal("记录.txt", fromPage.Content.Headers.ContentDisposition?.FileNameStar);
        }

        var eastToken = app.Services.GetRequiredService<ReviewLinks>().DashboardToken("T2", "east@example.cn", clock.GetUtcNow().AddDays(1));
        var eastLink = $"{link.Split('?')[0]}?root=T2&t={Uri.EscapeDataString(eastToken)}";
        using (var elsewhere = await app.Client.GetAsync(new Uri(eastLink, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
            Assert.Contains("找不到附件", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HolidayAdminPage_SignedIn_ReadsAndLoadsAYear()
    {
        await using var smtp = new SmtpSink();
        await using var app = await SubmissionReminderEndToEndTests.StartAsync(smtp, new FakeTimeProvider());
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Client.BaseAddress };
        using var anonymous = await browser.GetAsync(new Uri("/d/admin/holidays", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/d/login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var login = await browser.PostAsync(new Uri("/d/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = RunningApp.AdminKey, ["next"] = "/d/admin/holidays" }));
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        browser.DefaultRequestHeaders.Add("Cookie", cookie);
        var page = await browser.GetStringAsync(new Uri("/d/admin/holidays", UriKind.Relative));
        Assert.Contains("法定节假日安排", page, StringComparison.Ordinal);
        Assert.Contains("2026年（系统自带）", page, StringComparison.Ordinal);
        Assert.Contains("2月15日（周日）至2月23日（周一）", page, StringComparison.Ordinal);

        var notice = """{"schemaVersion":1,"year":2027,"source":"测试通知","publishedOn":"2026-11-05","holidays":[{"name":"元旦","start":"2027-01-01","end":"2027-01-03"}],"makeUpWorkingDays":[]}""";
        using var loaded = await browser.PostAsync(new Uri("/d/admin/holidays", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["notice"] = notice }));
        Assert.Equal("/d/admin/holidays?loaded=2027", loaded.Headers.Location?.OriginalString);
        var after = await browser.GetStringAsync(new Uri("/d/admin/holidays?loaded=2027", UriKind.Relative));
        Assert.Contains("已录入 2027 年的节假日安排", after, StringComparison.Ordinal);
        Assert.Contains("2027年（管理员录入）", after, StringComparison.Ordinal);

        using var bad = await browser.PostAsync(new Uri("/d/admin/holidays", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["notice"] = "{}" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("没有录入", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(RunningApp app, HttpMethod method, string path, string? apiKey, string? body, bool admin = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (apiKey is not null)
        {
            request.Headers.Add(Access.ApiKeyHeader, apiKey);
        }

        if (admin)
        {
            request.Headers.Add(AccessKeys.AdminKeyHeader, RunningApp.AdminKey);
        }

        return await app.Client.SendAsync(request);
    }
}
