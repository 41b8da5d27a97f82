using System.Net;
using System.Text;
using GuanGong.EndToEnd.Tests.Infrastructure;
using GuanGong.Functions.Reviews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuanGong.EndToEnd.Tests;

/// <summary>
/// The officers' and administrator's pages in Chromium at 360 and 1280 px, on one app: the county dashboard with its
/// calendar (what is due next), the 未提交 list and its resend button, the breakdown by kind; the campaign list; the
/// numbers page; the 督查 visits page (a township records a check and downloads its file); the holiday calendar page; the reviewer's decided
/// page and the messages for a spent and an expired link; the local mailbox. Each page: screenshots, axe, and the
/// ASCII-word and internal-id check wherever a unit, reviewer or leader reads it.
/// </summary>
public sealed class OfficerPagesTests(PagesFixture fixture) : IClassFixture<PagesFixture>
{
    [Fact]
    public async Task CountyDashboard_WithCalendar_ShowsWhatIsDueNextAndResendsToAUnitThatHasNotSubmitted()
    {
        var app = fixture.App;
        await PutCalendarAsync(app, """{"year":2026,"submissionDeadline":"2026-12-18","reminderWorkingDays":[3,1],"acceptanceStart":"2026-12-21","acceptanceEnd":"2026-12-30"}""");
        await fixture.UnitLinkAsync("village3@example.cn"); // the invitations go out in the background after launch
        await using var context = await Chromium.NewContextAsync(fixture.Browser);
        var page = await SignInAsync(context, $"/d/{SampleCounty.CampaignId}");

        var calendar = page.Locator("#calendar");
        var village3 = calendar.Locator("li").Filter(new() { HasTextString = "第3村关工委" });
        for (var attempt = 0; attempt < 20 && await village3.CountAsync() == 0; attempt++)
        {
            await page.WaitForTimeoutAsync(500);
            await page.ReloadAsync();
        }

        await Expect(calendar.Locator("h3").First).ToHaveTextAsync("接下来要办的事");
        await Expect(calendar).ToContainTextAsync("12月18日（周五）24:00 前");
        await Expect(calendar.Locator("h3").Filter(new() { HasTextString = "未提交的单位" })).ToBeVisibleAsync();
        await Expect(page.Locator("h2").Filter(new() { HasTextString = "分类达标情况" })).ToBeVisibleAsync();
        await Expect(page.Locator("table[data-cards]").First).ToBeVisibleAsync();

        var earlier = app.Mails();
        await village3.GetByRole(AriaRole.Button, new() { Name = "重新发送填报链接" }).ClickAsync();
        await Expect(page.Locator("#calendar .notice")).ToHaveTextAsync("已重新发送填报链接：第3村关工委。");
        await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("village3@", StringComparison.Ordinal)), except: earlier);
        await PageChecks.CheckAsync(page, "20-dashboard-calendar-and-chasing");

        await page.GotoAsync(app.Url("/d"));
        await Expect(page.Locator("ul.pending a")).ToHaveCountAsync(1);
        await PageChecks.CheckAsync(page, "19-dashboard-campaigns");
    }

    [Fact]
    public async Task CountyDashboard_CaseStuckInTheWorkflow_IsListedByNameForTheAdministrator()
    {
        var app = fixture.App;
        var unitLink = await fixture.UnitLinkAsync("school@example.cn");
        (await app.SubmitAsync(SampleCounty.TokenOf(app.Url(unitLink)))).EnsureSuccessStatusCode();
        var caseId = SampleCounty.CaseId("E1");
        await app.WaitForStatusAsync(caseId, "UnderReview");

        // As if the workflow had failed three hours ago, before the reviewer got the task (what CaseHealth looks for).
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await app.Services.GetRequiredService<GuanGong.Functions.Cases.CaseStore>().UpdateAsync(
            caseId, c => c with { State = c.State with { Status = GuanGong.Domain.Cases.CaseStatus.Submitted }, Task = null, UpdatedAt = now.AddHours(-3) }, CancellationToken.None);

        await using var context = await Chromium.NewContextAsync(fixture.Browser);
        var page = await SignInAsync(context, $"/d/{SampleCounty.CampaignId}");
        await Expect(page.Locator("h2").Filter(new() { HasTextString = "系统处理异常" })).ToBeVisibleAsync();
        await Expect(page.Locator("ul.stuck li")).ToContainTextAsync("东风小学关工委");
        await Expect(page.Locator("ul.stuck li")).ToContainTextAsync("已等待 3 小时以上");
        await PageChecks.CheckAsync(page, "29-dashboard-stuck-case");
    }

    [Fact]
    public async Task NumbersPage_AfterLaunch_ShowsTheNumbersReadOnly()
    {
        await using var context = await Chromium.NewContextAsync(fixture.Browser);
        var page = await SignInAsync(context, $"/d/{SampleCounty.CampaignId}/numbers");
        await Expect(page.Locator("h1")).ToHaveTextAsync("分值和达标线");
        await Expect(page.Locator(".notice")).ToContainTextAsync("活动已经启动");
        await Expect(page.Locator("form[method='post'] input[name='nonce']")).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(page, "21-numbers");
    }

    [Fact]
    public async Task VisitsPage_TownshipLink_RecordsACheckListsItAndGivesItsFileBack()
    {
        var app = fixture.App;
        var token = app.Services.GetRequiredService<ReviewLinks>().DashboardToken("T1", "town@example.cn", app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1));
        await using var context = await Chromium.NewContextAsync(fixture.Browser);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url($"/d/{SampleCounty.CampaignId}/visits?t={Uri.EscapeDataString(token)}"));
        await Expect(page.Locator("h1")).ToContainTextAsync("督查记录 · 城关镇关工委");

        await page.Locator("#date").FillAsync("2026-12-01");
        await page.Locator("#visitors").FillAsync("王五、赵六");
        await page.GetByLabel("第1村关工委").CheckAsync();
        await page.Locator("#findings").FillAsync("活动记录完整，五老队伍名册需更新。");
        await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "检查照片.png", MimeType = "image/png", Buffer = SampleFiles.Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存督查记录" }).ClickAsync();

        await Expect(page.Locator(".notice.ok")).ToHaveTextAsync("督查记录已保存。");
        var visit = page.Locator("ol.cards > li").First;
        await Expect(visit).ToContainTextAsync("2026年12月1日");
        await Expect(visit).ToContainTextAsync("第1村关工委");
        await Expect(visit).ToContainTextAsync("检查照片.png");
        await PageChecks.CheckAsync(page, "22-visits");

        // The file comes back as it was chosen, by the link beside its name.
        var download = await page.RunAndWaitForDownloadAsync(() => visit.GetByRole(AriaRole.Link, new() { Name = "下载 检查照片.png" }).ClickAsync());
        Assert.Equal("检查照片.png", download.SuggestedFilename);
        Assert.Equal(SampleFiles.Png(), await File.ReadAllBytesAsync(await download.PathAsync()));
    }

    [Fact]
    public async Task HolidaysPage_ShowsTheLoadedYears_AndExplainsWhatIsWrongWithANotice()
    {
        await using var context = await Chromium.NewContextAsync(fixture.Browser);
        var page = await SignInAsync(context, "/d/admin/holidays");
        await Expect(page.Locator("h1")).ToHaveTextAsync("法定节假日安排");
        await Expect(page.Locator("ol.cards").First).ToContainTextAsync("春节");
        await PageChecks.CheckAsync(page, "23-holidays");

        await page.Locator("#notice").FillAsync("不是节假日安排");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入" }).ClickAsync();
        await Expect(page.Locator("[role=alert] h2")).ToHaveTextAsync("没有录入，请修改");
        await PageChecks.CheckAsync(page, "23b-holidays-errors");
    }

    [Fact]
    public async Task Reviewer_DecidesThenFollowsASpentOrExpiredLink_ReadsWhyInChinese()
    {
        var app = fixture.App;
        var unitLink = await fixture.UnitLinkAsync("village2@example.cn");
        (await app.SubmitAsync(SampleCounty.TokenOf(app.Url(unitLink).ToString()))).EnsureSuccessStatusCode();
        var mail = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("town@example.cn", StringComparison.Ordinal)) && m.Subject.Contains("请审核", StringComparison.Ordinal) && m.Subject.Contains("第2村", StringComparison.Ordinal));
        var reviewLink = SampleCounty.PathOf(mail.Links.First(l => l.Contains("/r/", StringComparison.Ordinal)));

        await using var context = await Chromium.NewContextAsync(fixture.Browser);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url(reviewLink));
        await Forms.DecideAsync(page, "Approve", "材料齐全，同意上报。");
        await PageChecks.CheckAsync(page, "26-review-decided");

        var spent = await page.GotoAsync(app.Url(reviewLink + "/pending"));
        Assert.Equal(403, spent!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("无法显示待办");
        await PageChecks.CheckAsync(page, "27-message-link-spent");

        var expiredLink = app.Services.GetRequiredService<ReviewLinks>().TaskLink(SampleCounty.CaseId("V2"), 1, "town@example.cn", "0", app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-1));
        await page.GotoAsync(app.Url(SampleCounty.PathOf(expiredLink)));
        await Expect(page.Locator("h1")).ToHaveTextAsync("链接已过期");
        await PageChecks.CheckAsync(page, "28-message-link-expired");
    }

    [Fact]
    public async Task LocalMailbox_ListsTheMailsInBeijingTime_AndOpensOne()
    {
        var app = fixture.App;
        await fixture.UnitLinkAsync("village1@example.cn");
        await using var context = await Chromium.NewContextAsync(fixture.Browser);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/dev/mail"));
        await Expect(page.Locator("ol.mails li").First).ToContainTextAsync("北京时间");
        // A developer's page: addresses and links are shown as they are, so only axe and the widths are checked.
        await PageChecks.AccessibleAsync(page, "24-dev-mail");
        await PageChecks.ScreenshotsAsync(page, "24-dev-mail");

        await page.Locator("ol.mails a").Filter(new() { HasTextString = "请填报" }).First.ClickAsync();
        await Expect(page.Locator("pre.mail-body")).ToContainTextAsync("自评");
        await Expect(page.Locator("ul.links a").First).ToBeVisibleAsync();
        await PageChecks.AccessibleAsync(page, "25-dev-mail-message");
        await PageChecks.ScreenshotsAsync(page, "25-dev-mail-message");
    }

    /// <summary>Opens <paramref name="path"/>, signs in with the administrator's key on the form it is sent to, and lands back on it.</summary>
    private async Task<IPage> SignInAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.App.Url(path));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/d/login"));
        await page.Locator("#key").FillAsync(RunningApp.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(path) + "$"));
        return page;
    }

    private static async Task PutCalendarAsync(RunningApp app, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/admin/campaigns/{SampleCounty.CampaignId}/calendar", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Admin-Key", RunningApp.AdminKey);
        using var response = await app.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
