namespace GuanGong.Functions.Pages;

/// <summary>
/// The one page frame: Simplified Chinese, large type, high contrast, readable at 360 px, no
/// scripts needed to act (forms post plainly), and no third-party resources. Pages may add scripts
/// of their own from <c>wwwroot</c>; they only enhance (upload progress, charts, print).
/// </summary>
public static class PageLayout
{
    public static IResult Render(string title, string body, int statusCode = StatusCodes.Status200OK, IReadOnlyList<string>? scripts = null) =>
        Results.Content(Document(title, body, scripts), "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);

    public static string Document(string title, string body, IReadOnlyList<string>? scripts = null) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <meta name="robots" content="noindex, nofollow">
        <title>{{Html.E(title)}} - 关工委五好创建</title>
        <link rel="stylesheet" href="/assets/site.css">
        {{string.Concat((scripts ?? []).Select(s => $"<script src=\"{Html.E(s)}\" defer></script>"))}}
        </head>
        <body>
        <header class="site"><span class="brand">关工委“五好”创建</span></header>
        <main>
        {{body}}
        </main>
        <footer class="site">如有疑问，请联系上级关工委。</footer>
        </body>
        </html>
        """;

    public static IResult Message(string title, string message, int statusCode) =>
        Render(title, $"<h1>{Html.E(title)}</h1><p class=\"lead\">{Html.E(message)}</p>", statusCode);
}
