using System.Globalization;
using GuanGong.Functions.Ledgers;

namespace GuanGong.Functions.Pages;

/// <summary>
/// A case's uploaded evidence, per item, for the pages (<see cref="Components.EvidenceGallery"/>, <see cref="Components.Upload"/>): each file with a short-lived link
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

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} 字节"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };
}
