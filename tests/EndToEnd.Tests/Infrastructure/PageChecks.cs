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
        await ReadableAsync(page, name);
        await AccessibleAsync(page, name);
        await ScreenshotsAsync(page, name);
    }

    /// <summary>
    /// Words in Latin letters a person may meet on a page: names of file kinds and products everyone in an office
    /// says in Latin letters, and the units of file sizes. Anything else in ASCII letters fails the check.
    /// </summary>
    public static readonly IReadOnlySet<string> AllowedWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "PDF", "Word", "Excel", "WPS", "CSV", "KB", "MB", "png", "jpg", "jpeg", "pdf", "doc", "docx", "xls", "xlsx",
    };

    /// <summary>
    /// What a unit, reviewer or leader reads (the text, the title, image descriptions and labels) holds no ASCII word outside
    /// <see cref="AllowedWords"/> and no internal id: no committee code, item id, case id, campaign id, review action name or
    /// long hexadecimal hash. Every offender is listed at once.
    /// </summary>
    public static async Task ReadableAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = await page.EvaluateAsync<string>("""
            () => [document.title, document.body.innerText,
                   ...[...document.querySelectorAll('[alt],[title],[aria-label],[placeholder]')]
                        .flatMap(e => ['alt', 'title', 'aria-label', 'placeholder'].map(a => e.getAttribute(a) || ''))].join('\n')
            """);
        var problems = new List<string>();
        foreach (System.Text.RegularExpressions.Match hash in System.Text.RegularExpressions.Regex.Matches(text, "[0-9a-fA-F]{16,}"))
        {
            problems.Add($"a hash: {hash.Value}");
        }

        foreach (var id in InternalIds.Where(id => System.Text.RegularExpressions.Regex.IsMatch(text, $"(?<![A-Za-z0-9]){System.Text.RegularExpressions.Regex.Escape(id)}(?![A-Za-z0-9])")))
        {
            problems.Add($"an internal id: {id}");
        }

        foreach (System.Text.RegularExpressions.Match word in System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z][A-Za-z0-9_]*"))
        {
            // A version letter in a standard's own name (五好基层关工委评分标准（A版）) is how the documents name it.
            var versionLetter = word.Length == 1 && word.Index + 1 < text.Length && text[word.Index + 1] == '版';
            if (!AllowedWords.Contains(word.Value) && !versionLetter)
            {
                problems.Add($"an ASCII word: {word.Value} (in “{Around(text, word.Index)}”)");
            }
        }

        Assert.True(problems.Count == 0, $"{name}: text a person reads has:\n" + string.Join("\n", problems.Distinct()));
    }

    /// <summary>The sample county's internal ids: committee codes, the campaign id, case ids, item ids and action names.</summary>
    private static readonly IReadOnlyList<string> InternalIds =
    [
        .. new[] { "C0", "X1", "T1", "T2", "V1", "V2", "V3", "E1", SampleCounty.CampaignId, "Approve", "Return", "Reject" },
        .. new[] { "V1", "V2", "V3", "E1", "T1", "T2" }.Select(SampleCounty.CaseId),
        .. SampleCounty.Template.AllItems.Select(i => i.Id),
        .. SampleCounty.Template.Preconditions.Select(p => p.Id),
    ];

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 12);
        return text.Substring(start, Math.Min(text.Length - start, 36)).Replace('\n', ' ');
    }

    private static string CreateFolder()
    {
        var root = RepositoryRoot.Find() ?? AppContext.BaseDirectory;
        var folder = Path.Combine(root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
