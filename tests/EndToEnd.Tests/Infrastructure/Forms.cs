using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuanGong.EndToEnd.Tests.Infrastructure;

/// <summary>What a person does on the pages, step by step, shared by the tests.</summary>
public static class Forms
{
    /// <summary>Fills the whole rubric on the unit page: every precondition met, full marks, the five report fields.</summary>
    public static async Task FillRubricAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var precondition in SampleCounty.Template.Preconditions)
        {
            await page.Locator($"input[name='pre_{precondition.Id}'][value='yes']").CheckAsync();
        }

        foreach (var item in SampleCounty.Template.AllItems)
        {
            await page.Locator($"[id='score_{item.Id}']").FillAsync(item.Points.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.Locator("#partySupport").FillAsync("镇党委每季度听取关工委汇报。");
        await page.Locator("#ownBuildUp").FillAsync("班子健全，五老队伍 32 人。");
        await page.Locator("#departmentCooperation").FillAsync("教育、民政等部门配合开展活动。");
        await page.Locator("#results").FillAsync("全年开展活动 24 次。");
        await page.Locator("#mainProblems").FillAsync("经费不足，五老年龄偏大。");
    }

    /// <summary>On an open review page: chooses the action, writes the reason, goes through the confirmation.</summary>
    public static async Task DecideAsync(IPage page, string action, string reason)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator($"input[name='action'][value='{action}']").CheckAsync();
        await page.Locator("#reason").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：确认" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("已办理");
    }
}
