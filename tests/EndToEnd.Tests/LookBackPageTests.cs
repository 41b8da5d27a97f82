using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GuanGong.Domain;
using GuanGong.EndToEnd.Tests.Infrastructure;
using GuanGong.Functions.Reviews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuanGong.EndToEnd.Tests;

/// <summary>
/// The look-back and naming page (/d/{campaign}/lookback) in Chromium at 360 and 1280 px: reached from the dashboard,
/// shows each unit drawn with its findings and order (限期整改 with its deadline, 撤销 with its reasons) and the
/// approved naming list with its downloads; no English word and no internal code on it; axe finds nothing.
/// </summary>
public sealed partial class LookBackPageTests
{
    [Fact]
    public async Task LookBackPage_AfterBothOrdersAndANaming_ReadsInChineseAtBothWidths()
    {
        await using var app = await RunningApp.StartAsync();
        await app.SetUpCountyAsync(SampleCounty.Campaign() with { LookBackShare = new Percentage(100) });
        foreach (var (email, name) in new[] { ("village1@example.cn", "第1村"), ("village2@example.cn", "第2村") })
        {
            var invitation = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains(email, StringComparison.Ordinal)) && m.Subject.Contains("请填报", StringComparison.Ordinal));
            (await app.SubmitAsync(SampleCounty.TokenOf(invitation.LinkWith("/u/")))).EnsureSuccessStatusCode();
            foreach (var reviewer in new[] { "town@example.cn", "county@example.cn" })
            {
                var task = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains(reviewer, StringComparison.Ordinal)) && m.Subject.StartsWith("请审核", StringComparison.Ordinal) && m.Subject.Contains(name, StringComparison.Ordinal));
                (await app.DecideAsync(task.LinkWith("/r/"), "Approve", "同意。")).EnsureSuccessStatusCode();
            }

            await app.WaitForStatusAsync(SampleCounty.CaseId(email.StartsWith("village1", StringComparison.Ordinal) ? "V1" : "V2"), "Passed");
        }

        (await PutAsync(app, $"/api/campaigns/{SampleCounty.CampaignId}/commendations/2026", """{"approvedBy":"县关工委主任办公会"}""")).EnsureSuccessStatusCode();
        using var drawn = await app.AdminPostAsync($"/api/campaigns/{SampleCounty.CampaignId}/lookbacks", """{"seed":"页面","drawnBy":"王主任"}""");
        var id = System.Text.Json.JsonDocument.Parse(await drawn.Content.ReadAsStringAsync()).RootElement.GetProperty("lookBackId").GetString();
        var path = $"/api/campaigns/{SampleCounty.CampaignId}/lookbacks/{id}/units";
        (await app.AdminPostAsync($"{path}/V1/findings", """{"text":"活动记录不全。","recordedBy":"李检查员"}""")).EnsureSuccessStatusCode();
        (await app.AdminPostAsync($"{path}/V1/rectification", """{"reason":"补齐下半年活动记录。","decidedBy":"王主任","workingDays":10}""")).EnsureSuccessStatusCode();
        (await app.AdminPostAsync($"{path}/V2/revocation", """{"reasons":["五老队伍名册不实"],"decidedBy":"王主任"}""")).EnsureSuccessStatusCode();

        var token = app.Services.GetRequiredService<ReviewLinks>().DashboardToken("X1", "office@example.cn", app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1));
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        await using (var context = await Chromium.NewContextAsync(browser))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(app.Url($"/d/{SampleCounty.CampaignId}?year=2026&t={Uri.EscapeDataString(token)}"));
            await page.GetByRole(AriaRole.Link, new() { Name = "回头看抽查和表彰命名" }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("2026年度回头看和表彰命名");
            var text = await page.Locator("main").InnerTextAsync();
            Assert.Contains("限期整改中", text, StringComparison.Ordinal);
            Assert.Contains("补齐下半年活动记录。", text, StringComparison.Ordinal);
            Assert.Contains("已撤销达标资格", text, StringComparison.Ordinal);
            Assert.Contains("五老队伍名册不实", text, StringComparison.Ordinal);
            Assert.Contains("活动记录不全。", text, StringComparison.Ordinal);
            Assert.Contains("证书编号 2026-001", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(CodeOrWord(), text);

            // The downloads work with the page's own link.
            var docx = await page.Locator("a", new() { HasTextString = "下载命名决定" }).GetAttributeAsync("href");
            using (var response = await app.Client.GetAsync(new Uri(docx!, UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await PageChecks.CheckAsync(page, "30-lookback-and-naming");

            // A township's link sees its own units, and no naming.
            var townToken = app.Services.GetRequiredService<ReviewLinks>().DashboardToken("T1", "town@example.cn", app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1));
            await page.GotoAsync(app.Url($"/d/{SampleCounty.CampaignId}/lookback?year=2026&t={Uri.EscapeDataString(townToken)}"));
            var townText = await page.Locator("main").InnerTextAsync();
            Assert.Contains("第1村关工委", townText, StringComparison.Ordinal);
            Assert.DoesNotContain("证书编号", townText, StringComparison.Ordinal);
        }
    }

    // Any run of two or more Latin letters (an English word, an action name) or a unit code such as V1, T1, X1.
    [GeneratedRegex("[A-Za-z]{2,}|(?<![A-Za-z0-9])[A-Z][0-9]+")]
    private static partial Regex CodeOrWord();

    private static async Task<HttpResponseMessage> PutAsync(RunningApp app, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Admin-Key", RunningApp.AdminKey);
        return await app.Client.SendAsync(request);
    }
}
