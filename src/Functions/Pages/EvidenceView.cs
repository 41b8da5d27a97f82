using System.Globalization;
using System.Text;
using GuanGong.Functions.Ledgers;
using static GuanGong.Functions.Pages.Html;

namespace GuanGong.Functions.Pages;

/// <summary>
/// A case's uploaded evidence, per item, as page fragments: each file with a short-lived link
/// (<see cref="LedgerLinks"/>, 15 minutes) that opens images and PDFs inline and downloads the rest.
/// </summary>
public sealed class EvidenceView(LedgerStore ledgers, LedgerLinks links)
{
    /// <summary>The case's files grouped by item id, with a fresh link each, issued to <paramref name="reader"/>.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<(LedgerRecord Ledger, string Url)>>> ListAsync(string caseId, string reader, CancellationToken cancellationToken)
    {
        var all = await ledgers.ListAsync(caseId, cancellationToken);
        return all.GroupBy(l => l.ItemId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<(LedgerRecord, string)>)[.. g.Select(l => (l, links.Issue(caseId, l.LedgerId, reader).Url))],
            StringComparer.Ordinal);
    }

    /// <summary>A plain list of files (names link to the file): what the unit sees under each item.</summary>
    public static string FileList(string itemId, IReadOnlyList<(LedgerRecord Ledger, string Url)>? files)
    {
        var html = new StringBuilder($"<ul class=\"files\" id=\"files_{E(itemId)}\" aria-live=\"polite\">");
        foreach (var (ledger, url) in files ?? [])
        {
            html.Append($"<li><a href=\"{E(url)}\" target=\"_blank\" rel=\"noopener\">{E(ledger.FileName)}</a> <span class=\"size\">（{E(Size(ledger.Length))}）</span></li>");
        }

        return html.Append("</ul>").ToString();
    }

    /// <summary>What was submitted under an item, read-only: each file by name, size and upload time (China time).</summary>
    public static string SubmittedList(string itemId, IReadOnlyList<(LedgerRecord Ledger, string Url)>? files)
    {
        var html = new StringBuilder($"<ul class=\"files\" id=\"files_{E(itemId)}\">");
        foreach (var (ledger, url) in files ?? [])
        {
            html.Append($"<li><a href=\"{E(url)}\" target=\"_blank\" rel=\"noopener\">{E(ledger.FileName)}</a> <span class=\"size\">（{E(Size(ledger.Length))}，{E(Cases.Workflow.CaseMail.China(ledger.UploadedAt))} 上传）</span></li>");
        }

        return html.Append("</ul>").ToString();
    }

    /// <summary>What a reviewer sees under each item: images shown, PDFs to open in place, anything else to download.</summary>
    public static string Gallery(IReadOnlyList<(LedgerRecord Ledger, string Url)>? files)
    {
        if (files is not { Count: > 0 })
        {
            return "<p class=\"muted\">未上传佐证材料。</p>";
        }

        var html = new StringBuilder("<ul class=\"evidence-files\">");
        foreach (var (ledger, url) in files)
        {
            html.Append("<li>");
            if (ledger.ContentType.StartsWith("image/", StringComparison.Ordinal))
            {
                html.Append($"<a href=\"{E(url)}\" target=\"_blank\" rel=\"noopener\"><img src=\"{E(url)}\" alt=\"佐证图片：{E(ledger.FileName)}\" loading=\"lazy\"></a><br>");
            }

            var verb = ledger.ContentType is "application/pdf" || ledger.ContentType.StartsWith("image/", StringComparison.Ordinal) ? "打开查看" : "下载";
            // Name, size and upload time say exactly what was submitted; the hashes stay in the API and the audit trail.
            html.Append($"<a href=\"{E(url)}\" target=\"_blank\" rel=\"noopener\">{verb}：{E(ledger.FileName)}</a> <span class=\"size\">（{E(Size(ledger.Length))}，{E(Cases.Workflow.CaseMail.China(ledger.UploadedAt))} 上传）</span></li>");
        }

        return html.Append("</ul>").ToString();
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} 字节"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };
}
