using System.Net;
using GuanGong.EndToEnd.Tests.Infrastructure;
using GuanGong.Functions.Reviews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuanGong.EndToEnd.Tests;

/// <summary>
/// The pages where things go wrong or are guarded: a form without scripts, messages next to fields,
/// a browser-like mail scanner that changes nothing, a broken link, a committee's dashboard link
/// that sees its own subtree and no more.
/// </summary>
public sealed class PageGuardTests(PagesFixture fixture) : IClassFixture<PagesFixture>
{
    [Fact]
    public async Task UnitPage_WithoutScripts_SavesDraftAndShowsEachMessageNextToItsField()
    {
        var app = fixture.App;
        var unitLink = await fixture.UnitLinkAsync("village2@example.cn");

        // A scanner that runs scripts and waits changes nothing: no case, no draft.
        await using (var scanner = await Chromium.NewContextAsync(fixture.Browser))
        {
            var visit = await scanner.NewPageAsync();
            await visit.GotoAsync(app.Url(unitLink), new() { WaitUntil = WaitUntilState.NetworkIdle });
            await visit.GotoAsync(app.Url(unitLink + "/receipt"), new() { WaitUntil = WaitUntilState.NetworkIdle });
        }

        Assert.Equal(HttpStatusCode.NotFound, await app.CaseStatusCodeAsync(SampleCounty.CaseId("V2")));

        await using var context = await Chromium.NewContextAsync(fixture.Browser, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url(unitLink));
        Assert.DoesNotContain("草稿", await page.Locator(".muted").AllInnerTextsAsync() is { Count: > 0 } notes ? string.Concat(notes) : string.Empty, StringComparison.Ordinal);
        var first = SampleCounty.Template.AllItems.First();
        var second = SampleCounty.Template.AllItems.Skip(1).First();
        await page.Locator($"[id='score_{first.Id}']").FillAsync("99");
        await page.Locator($"[id='score_{second.Id}']").FillAsync("五分");
        await page.Locator("#results").FillAsync("开展活动 12 次。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交自评" }).ClickAsync();

        await Expect(page.Locator($"[id='score_{first.Id}_error']")).ToContainTextAsync($"必须在 0 到 {first.Points} 分之间");
        await Expect(page.Locator($"[id='score_{second.Id}_error']")).ToHaveTextAsync("请填写数字，例如 8 或 7.5。");
        await Expect(page.Locator("#partySupport_error")).ToHaveTextAsync("请填写“党委支持情况”。");
        await Expect(page.Locator($"#errors a[href='#score_{first.Id}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#results")).ToHaveValueAsync("开展活动 12 次。");
        // axe runs inside the page, so it cannot run with scripts off: this page is checked with scripts on in the person's path.
        await PageChecks.ScreenshotsAsync(page, "13-unit-form-errors-no-script", scriptsEnabled: false);

        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).First.ClickAsync();
        await Expect(page.GetByText("草稿已保存")).ToBeVisibleAsync();
        await page.GotoAsync(app.Url(unitLink));
        await Expect(page.Locator("#results")).ToHaveValueAsync("开展活动 12 次。");
        await Expect(page.Locator($"[id='score_{first.Id}']")).ToHaveValueAsync("99");
        Assert.Equal(HttpStatusCode.NotFound, await app.CaseStatusCodeAsync(SampleCounty.CaseId("V2")));

        var invalid = await context.Browser!.NewPageAsync();
        await invalid.GotoAsync(app.Url("/u/not-a-real-link"));
        await Expect(invalid.Locator("h1")).ToHaveTextAsync("链接无效");
        await PageChecks.CheckAsync(invalid, "14-unit-link-invalid");
        await invalid.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_TownshipLink_SeesItsOwnSubtreeOnly()
    {
        var app = fixture.App;
        var links = app.Services.GetRequiredService<ReviewLinks>();
        var token = links.DashboardToken("T1", "town@example.cn", app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1));
        await using var context = await Chromium.NewContextAsync(fixture.Browser);
        var page = await context.NewPageAsync();

        var own = await page.GotoAsync(app.Url($"/d/{SampleCounty.CampaignId}?t={Uri.EscapeDataString(token)}"));
        Assert.Equal(200, own!.Status);
        await Expect(page.Locator(".lead")).ToContainTextAsync("城关镇关工委");
        await Expect(page.Locator(".figure").Filter(new() { HasTextString = "应创建单位" }).Locator(".n")).ToHaveTextAsync("3");
        await PageChecks.CheckAsync(page, "15-dashboard-township-link");

        var above = await page.GotoAsync(app.Url($"/d/{SampleCounty.CampaignId}?root=X1&t={Uri.EscapeDataString(token)}"));
        Assert.Equal(404, above!.Status);

        // The link's ?t= left the address at first use: the browser holds it as a /d cookie instead.
        Assert.DoesNotMatch("[?&]t=", page.Url);
        Assert.Contains(await context.CookiesAsync(), c => c.Name == "gg_dlink" && c.HttpOnly && c.Path == "/d");
        await context.ClearCookiesAsync();

        // Without any credential the dashboard asks for the key in a form, never in the address.
        var anonymous = await page.GotoAsync(app.Url($"/d/{SampleCounty.CampaignId}"));
        Assert.EndsWith("/d/login?next=%2Fd%2F" + SampleCounty.CampaignId, page.Url, StringComparison.Ordinal);
        await page.Locator("#key").FillAsync("wrong-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator(".error")).ToHaveTextAsync("密钥不正确，请重新输入。");
        Assert.Empty(await context.CookiesAsync());
        Assert.NotNull(anonymous);

        // ECharts comes from npm through the app itself, and the asset functions serve plain file names only.
        using (var echarts = await app.Client.GetAsync(new Uri("/lib/echarts.min.js", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, echarts.StatusCode);
            Assert.Equal("text/javascript", echarts.Content.Headers.ContentType?.MediaType);
        }

        using var climbing = await app.Client.GetAsync(new Uri("/lib/..%2F..%2Fappsettings.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, climbing.StatusCode);
    }

    [Fact]
    public async Task UnitPage_ReturnedForRectification_ShowsTheReasonAndResubmits()
    {
        var app = fixture.App;
        var unitLink = await fixture.UnitLinkAsync("village3@example.cn");
        var caseId = SampleCounty.CaseId("V3");
        await using var context = await Chromium.NewContextAsync(fixture.Browser);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url(unitLink));
        await Forms.FillRubricAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交自评" }).ClickAsync();
        await Expect(page.Locator(".case-number")).ToContainTextAsync(await app.ReceiptNumberAsync(caseId));

        var mail = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("town@example.cn", StringComparison.Ordinal)) && m.Subject.Contains("第3村", StringComparison.Ordinal));
        var reviewLink = SampleCounty.PathOf(mail.Links.First(l => l.Contains("/r/", StringComparison.Ordinal)));

        // A scanner that opens the review link and its pending list in a real browser, scripts and all, decides nothing.
        await using (var scanner = await Chromium.NewContextAsync(fixture.Browser))
        {
            var visit = await scanner.NewPageAsync();
            await visit.GotoAsync(app.Url(reviewLink), new() { WaitUntil = WaitUntilState.NetworkIdle });
            await visit.GotoAsync(app.Url(reviewLink + "/pending"), new() { WaitUntil = WaitUntilState.NetworkIdle });
        }

        var untouched = await app.CaseAsync(caseId);
        Assert.Equal("UnderReview", untouched.GetProperty("status").GetString());
        Assert.Empty(untouched.GetProperty("decisions").EnumerateArray());

        await page.GotoAsync(app.Url(reviewLink));
        await Forms.DecideAsync(page, "Return", "缺少五老队伍花名册，请补充。");
        await app.WaitForStatusAsync(caseId, "ReturnedForRectification");

        // The same link now shows the reviewer's reason and the previous answers, ready to resubmit.
        await page.GotoAsync(app.Url(unitLink));
        await Expect(page.Locator(".notice").First).ToContainTextAsync("缺少五老队伍花名册，请补充。");
        await Expect(page.Locator("#results")).ToHaveValueAsync("全年开展活动 24 次。");
        await PageChecks.CheckAsync(page, "16-unit-returned-for-rectification");
        await page.Locator("#results").FillAsync("全年开展活动 24 次，已补充五老花名册。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交自评" }).ClickAsync();
        await Expect(page.Locator(".case-number")).ToContainTextAsync(await app.ReceiptNumberAsync(caseId));
        var resubmitted = await app.CaseAsync(caseId);
        Assert.Equal(2, resubmitted.GetProperty("round").GetInt32());

        // Under review again: the page shows status and history, read-only.
        await page.GotoAsync(app.Url(unitLink));
        await Expect(page.Locator("ol.history")).ToContainTextAsync("整改后重新提交");
        await Expect(page.Locator("form[action^='/u/']")).ToHaveCountAsync(0);
    }
}
