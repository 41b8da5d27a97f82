using System.Text.RegularExpressions;

namespace GuanGong.Functions.Pages;

/// <summary>
/// Wide tables become cards on a phone: every body cell gets its column's heading as <c>data-label</c>,
/// and the table is marked <c>data-cards</c>; site.css then shows each row as a card of “heading：value”
/// lines below 40rem instead of a box that scrolls sideways. For markup built as text (the dashboard);
/// components write their cards directly.
/// </summary>
public static partial class NarrowTables
{
    public static string AsCards(string html) => Table().Replace(html, table =>
    {
        var headings = ColumnHeading().Matches(table.Value).Select(m => Tag().Replace(m.Groups[1].Value, string.Empty)).ToList();
        if (headings.Count == 0 || !table.Value.Contains("<tbody>", StringComparison.Ordinal))
        {
            return table.Value;
        }

        var bodyStart = table.Value.IndexOf("<tbody>", StringComparison.Ordinal);
        var body = Row().Replace(table.Value[bodyStart..], row =>
        {
            var index = 0;
            return Cell().Replace(row.Value, cell =>
            {
                var label = index < headings.Count ? headings[index] : string.Empty;
                index++;
                return $"<{cell.Groups[1].Value} data-label=\"{label}\"{cell.Groups[2].Value}>";
            });
        });
        return table.Value[..bodyStart].Replace("<table", "<table data-cards", StringComparison.Ordinal) + body;
    });

    [GeneratedRegex("<table[^>]*>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex("<th scope=\"col\"[^>]*>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex ColumnHeading();

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<(td|th)((?: [^>]*)?)>")]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
