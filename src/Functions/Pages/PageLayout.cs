namespace GuanGong.Functions.Pages;

/// <summary>
/// The one page frame: Simplified Chinese, large type, high contrast, readable at 360 px, no
/// scripts needed to act (forms post plainly), and no third-party resources. Pages may add scripts
/// of their own from <c>wwwroot</c>; they only enhance (upload progress, charts, print). The header and
/// title name the campaign's own standard (“六好基层关工委”创建…); a page without a campaign says 关工委创建.
/// </summary>
public static class PageLayout
{
    public static IResult Render(string title, string body, int statusCode = StatusCodes.Status200OK, IReadOnlyList<string>? scripts = null, string? standardName = null) =>
        Results.Content(Document(title, body, scripts, standardName), "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);

    public static string Document(string title, string body, IReadOnlyList<string>? scripts = null, string? standardName = null) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <meta name="robots" content="noindex, nofollow">
        <title>{{Html.E(title)}} - {{Html.E(Brand(standardName))}}</title>
        <link rel="stylesheet" href="/assets/site.css">
        {{string.Concat((scripts ?? []).Select(s => $"<script src=\"{Html.E(s)}\" defer></script>"))}}
        </head>
        <body>
        <header class="site"><span class="brand">{{Html.E(Brand(standardName))}}</span></header>
        <main>
        {{body}}
        </main>
        <footer class="site">如有疑问，请联系上级关工委。</footer>
        </body>
        </html>
        """;

    public static IResult Message(string title, string message, int statusCode, string? standardName = null) =>
        Render(title, $"<h1>{Html.E(title)}</h1><p class=\"lead\">{Html.E(message)}</p>", statusCode, standardName: standardName);

    /// <summary>The header line: 关工委“六好基层关工委”创建 for a campaign's standard, 关工委创建 without one.</summary>
    public static string Brand(string? standardName) =>
        string.IsNullOrWhiteSpace(standardName) || standardName == Standards.StandardNames.NoCampaign ? Standards.StandardNames.NoCampaign : $"关工委“{standardName}”创建";
}
