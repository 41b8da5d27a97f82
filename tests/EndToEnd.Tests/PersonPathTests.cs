using System.Net;
using GuanGong.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuanGong.EndToEnd.Tests;

/// <summary>
/// A person's path in Chromium: a village fills its rubric from the emailed link and uploads two files, submits, reads its
/// receipt and sees the two files it uploaded while filling in, frozen; the township reviewer opens the email in the local mailbox, sees the
/// evidence and approves with a reason; the county approves; the dashboard shows the new figures.
/// Every page is screenshotted at 360 and 1280 px and checked with axe.
/// </summary>
public sealed class PersonPathTests(PagesFixture fixture) : IClassFixture<PagesFixture>
{
    [Fact]
    public async Task PersonPath_UnitSubmitsAndTownshipAndCountyApprove_DashboardShowsThePass()
    {
        var app = fixture.App;
        var unitLink = await fixture.UnitLinkAsync("village1@example.cn");
        await using var context = await Chromium.NewContextAsync(fixture.Browser);
        var page = await context.NewPageAsync();

        // The unit opens its link: the rubric from the pinned template, nothing to sign in to.
        await page.GotoAsync(app.Url(unitLink));
        await Expect(page.Locator("h1")).ToContainTextAsync("第1村关工委");
        await PageChecks.CheckAsync(page, "01-unit-form");

        await Forms.FillRubricAsync(page);
        await page.Locator($"[id='note_{SampleCounty.Template.AllItems.First().Id}']").FillAsync("台账齐全，见花名册。");
        await page.Locator("#mainProblems").FillAsync(string.Empty);

        // Saved on the server: the draft survives a reload.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).First.ClickAsync();
        await Expect(page.GetByText("草稿已保存")).ToBeVisibleAsync();
        await Expect(page.Locator("#results")).ToHaveValueAsync("全年开展活动 24 次。");

        // Evidence is gathered while filling in the form, with progress and a list; it is frozen at submission.
        var firstItem = SampleCounty.Template.AllItems.First().Id;
        await page.Locator($"[id='file_{firstItem}']").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "活动照片.png", MimeType = "image/png", Buffer = SampleFiles.Png() },
            new FilePayload { Name = "五老花名册.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() },
        });
        await Expect(page.Locator($"[id='files_{firstItem}'] li")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Expect(page.Locator($"[id='files_{firstItem}']")).ToContainTextAsync("五老花名册.pdf");

        // One field left empty: the message is next to it, in plain Chinese.
        await page.GetByRole(AriaRole.Button, new() { Name = "提交自评" }).ClickAsync();
        await Expect(page.Locator("#mainProblems_error")).ToHaveTextAsync("请填写“主要问题”。");
        await PageChecks.CheckAsync(page, "02-unit-form-errors");
        await page.Locator("#mainProblems").FillAsync("经费不足，五老年龄偏大。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交自评" }).ClickAsync();

        var caseId = SampleCounty.CaseId("V1");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/receipt$"));
        await Expect(page.Locator(".case-number")).ToContainTextAsync(await app.ReceiptNumberAsync(caseId));
        await PageChecks.CheckAsync(page, "03-unit-receipt");

        // The 自查报告, printable: addressed to the township that assesses the village, the five sections, the sign-off with room for the seal.
        await page.GetByRole(AriaRole.Link, new() { Name = "自查报告" }).ClickAsync();
        await Expect(page.Locator(".report h1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^第1村关工委关于2026年度“.+”创建工作的自查报告$"));
        await Expect(page.Locator(".report .addressee")).ToHaveTextAsync("城关镇关工委：");
        await Expect(page.Locator(".report h2")).ToHaveCountAsync(5);
        await Expect(page.Locator(".report .signoff")).ToContainTextAsync("第1村关工委");
        await Expect(page.Locator(".report .seal")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "03b-unit-self-inspection-report");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header.site")).ToBeHiddenAsync();
        await Expect(page.Locator(".no-print").First).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The same report as a Word document, opened and read back.
        var docxHref = await page.GetByRole(AriaRole.Link, new() { Name = "下载 Word 文档" }).GetAttributeAsync("href");
        // Through the browser's own request context: the link's cookie opens the page, the handle in the URL alone opens nothing.
        var docx = await page.Context.APIRequest.GetAsync(app.BaseAddress + docxHref!.TrimStart('/'));
        {
            Assert.Equal(200, docx.Status);
            Assert.StartsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Headers["content-type"], StringComparison.Ordinal);
            using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.BodyAsync()), false);
            var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Matches("^第1村关工委关于2026年度“.+”创建工作的自查报告$", paragraphs[0]);
            Assert.Equal("城关镇关工委：", paragraphs[1]);
            Assert.Contains("一、党委支持情况", paragraphs);
            Assert.Contains("经费不足，五老年龄偏大。", paragraphs);
            Assert.Contains("第1村关工委（盖章）", paragraphs);
        }

        // Back on the link: the case is under review, and the evidence submitted with it is listed, frozen.
        await page.GotoAsync(app.Url(unitLink));
        await Expect(page.Locator($"[id='file_{firstItem}']")).ToHaveCountAsync(0);
        await Expect(page.Locator($"[id='files_{firstItem}'] li a")).ToHaveCountAsync(2);
        await PageChecks.CheckAsync(page, "04-unit-status-with-evidence");

        // The township reviewer opens the email in the local mailbox and follows its link.
        await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("town@example.cn", StringComparison.Ordinal)) && m.Subject.Contains("请审核", StringComparison.Ordinal));
        await page.GotoAsync(app.Url("/dev/mail"));
        await page.Locator("ol.mails a").Filter(new() { HasTextString = "请审核" }).Filter(new() { HasTextString = "第1村" }).First.ClickAsync();
        await page.Locator("ul.links a").Filter(new() { HasTextString = "/r/" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("第1村关工委");
        await Expect(page.Locator(".evidence-files img")).ToHaveCountAsync(1);
        await Expect(page.Locator(".evidence-files")).ToContainTextAsync("五老花名册.pdf");
        await PageChecks.CheckAsync(page, "05-review");
        var reviewUrl = page.Url;

        await page.GotoAsync(reviewUrl + "/pending");
        await Expect(page.Locator("ol.pending li")).ToHaveCountAsync(1);
        await PageChecks.CheckAsync(page, "06-review-pending");
        await page.Locator("ol.pending a").First.ClickAsync();

        await page.Locator("input[name='action'][value='Approve']").CheckAsync();
        await page.Locator("#reason").FillAsync("材料齐全，同意上报。");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：确认" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("请确认办理结果");
        await PageChecks.CheckAsync(page, "07-review-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("已办理");
        await page.GotoAsync(reviewUrl);
        await Expect(page.Locator("h1")).ToHaveTextAsync("此任务已办理");
        await PageChecks.CheckAsync(page, "08-review-already-decided");

        // The county approves too (same page, no screenshots needed twice).
        var countyMail = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("county@example.cn", StringComparison.Ordinal)) && m.Subject.Contains("请审核", StringComparison.Ordinal));
        // The county sees the township's decision, score and comment, in the mail and on the page.
        Assert.Contains("材料齐全，同意上报。", countyMail.Body, StringComparison.Ordinal);
        Assert.Contains("审核得分", countyMail.Body, StringComparison.Ordinal);
        await page.GotoAsync(app.Url(SampleCounty.PathOf(countyMail.Links.First(l => l.Contains("/r/", StringComparison.Ordinal)))));
        await Expect(page.Locator("ol.decisions")).ToContainTextAsync("材料齐全，同意上报。");
        await Expect(page.Locator("ol.decisions")).ToContainTextAsync("同意");
        await Expect(page.Locator("ol.decisions")).ToContainTextAsync("审核得分");
        await PageChecks.CheckAsync(page, "08b-review-county-sees-township");
        await Forms.DecideAsync(page, "Approve", "验收合格。");
        await app.WaitForStatusAsync(caseId, "Passed");

        // The dashboard: signing in sets an HttpOnly, SameSite=Strict cookie; the key is never in a URL.
        await using var staff = await Chromium.NewContextAsync(fixture.Browser);
        var board = await staff.NewPageAsync();
        await board.GotoAsync(app.Url($"/d/{SampleCounty.CampaignId}"));
        await Expect(board).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/d/login"));
        await PageChecks.CheckAsync(board, "09-dashboard-login");
        await board.Locator("#key").FillAsync(RunningApp.AdminKey);
        await board.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(board).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/d/{SampleCounty.CampaignId}$"));
        Assert.DoesNotContain(RunningApp.AdminKey, board.Url, StringComparison.Ordinal);
        var cookie = (await staff.CookiesAsync()).Single(c => c.Name == "gg_dashboard");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

        await Expect(board.Locator(".figure").Filter(new() { HasTextString = "已达标" }).Locator(".n")).ToHaveTextAsync("1");
        await Expect(board.Locator(".figure").Filter(new() { HasTextString = "应创建单位" }).Locator(".n")).ToHaveTextAsync("4"); // three villages under 城关镇, one school under 东风镇
        await Expect(board.Locator("#chart-counts canvas, #chart-counts svg").First).ToBeVisibleAsync();
        await PageChecks.CheckAsync(board, "10-dashboard-county");

        var csv = await board.GetByRole(AriaRole.Link, new() { Name = "导出 CSV" }).GetAttributeAsync("href");
        Assert.DoesNotContain(RunningApp.AdminKey, csv!, StringComparison.Ordinal);
        using (var export = await app.Client.GetAsync(new Uri(csv!, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Contains("第1村关工委", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await board.GetByRole(AriaRole.Link, new() { Name = "城关镇关工委" }).ClickAsync();
        await Expect(board.Locator("h1")).ToContainTextAsync("2026年度");
        await Expect(board.Locator(".lead")).ToContainTextAsync("城关镇关工委");
        await PageChecks.CheckAsync(board, "11-dashboard-township");

        await board.GetByRole(AriaRole.Link, new() { Name = "第1村关工委" }).ClickAsync();
        await Expect(board.Locator("dl.facts").First).ToContainTextAsync("达标");
        await Expect(board.Locator("ol.history")).ToContainTextAsync("提交自评");
        await Expect(board.Locator("ol.history")).ToContainTextAsync("上传台账");
        await PageChecks.CheckAsync(board, "12-dashboard-case");
    }
}
