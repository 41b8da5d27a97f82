using Microsoft.Playwright;

namespace GuanGong.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) driven by Playwright: one browser per test class.
/// Playwright's own browser download is never used (it cannot reach the internet here).
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN"],
        });
        return (playwright, browser);
    }

    /// <summary>A fresh context (its own cookies) at phone-and-desktop friendly defaults, in Chinese.</summary>
    public static Task<IBrowserContext> NewContextAsync(IBrowser browser, bool javaScript = true) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
}
