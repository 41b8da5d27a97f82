using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GuanGong.LocalStack;
using Microsoft.Playwright;

namespace GuanGong.EndToEnd.Tests.Infrastructure;

/// <summary>What every page is held to: screenshots at 360 px and 1280 px, and an axe accessibility check.</summary>
public static class PageChecks
{
    /// <summary>The rules the issue names: labels, contrast, language, title, image text (and their close relatives).</summary>
    public static readonly IReadOnlyList<string> Rules =
    [
        "label", "color-contrast", "html-has-lang", "html-lang-valid", "document-title", "image-alt", "button-name", "link-name",
        "select-name", "input-button-name", "form-field-multiple-labels", "aria-input-field-name", "duplicate-id-aria", "meta-viewport",
    ];

    public static string ScreenshotFolder { get; } = CreateFolder();

    /// <summary>Full-page screenshots at 360 px (a phone) and 1280 px wide: <c>artifacts/screenshots/{name}-360.png</c> and <c>-1280.png</c>.</summary>
    /// <remarks>With scripts off in the browser (<paramref name="scriptsEnabled"/> false) the width check cannot run; the pictures are still taken.</remarks>
    public static async Task ScreenshotsAsync(IPage page, string name, bool scriptsEnabled = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var width in new[] { 360, 1280 })
        {
            await page.SetViewportSizeAsync(width, width == 360 ? 780 : 900);
            await page.WaitForTimeoutAsync(150); // let the charts follow the resize
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        }

        if (!scriptsEnabled)
        {
            return;
        }

        // At 360 px nothing may force sideways scrolling (wide tables scroll inside their own box).
        await page.SetViewportSizeAsync(360, 780);
        await page.WaitForTimeoutAsync(150);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await page.SetViewportSizeAsync(1280, 900);
        Assert.True(overflow <= 0, $"{name}: the page is {overflow}px wider than a 360px screen.");
    }

    /// <summary>Runs axe on the page and fails on any violation of <see cref="Rules"/>, listing each offending element.</summary>
    public static async Task AccessibleAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = [.. Rules] } });
        var problems = result.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}): {n.Target} {n.Html} — {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))
            .ToList();
        Assert.True(problems.Count == 0, $"{name}: accessibility violations:\n" + string.Join("\n", problems));
        Assert.NotEmpty(result.Passes);
    }

    public static async Task CheckAsync(IPage page, string name)
    {
        await AccessibleAsync(page, name);
        await ScreenshotsAsync(page, name);
    }

    private static string CreateFolder()
    {
        var root = RepositoryRoot.Find() ?? AppContext.BaseDirectory;
        var folder = Path.Combine(root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
