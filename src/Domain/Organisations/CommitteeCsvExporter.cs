using System.Text;

namespace GuanGong.Domain.Organisations;

/// <summary>
/// Writes the organisation tree in the format <see cref="CommitteeCsvImporter"/> reads, so an administrator can download
/// the current tree, edit it in a spreadsheet and upload it again.
/// </summary>
public static class CommitteeCsvExporter
{
    /// <summary>
    /// The CSV text: English header, enum names for level and kind, CRLF line ends, and a leading byte-order mark so
    /// spreadsheet programs open the Chinese names as UTF-8 (encode the string as UTF-8 as it is).
    /// </summary>
    /// <param name="tree">The tree.</param>
    public static string Export(OrganisationTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var csv = new StringBuilder("\uFEFFcode,name,level,kind,parent_code,reviewers,fallback_reviewer\r\n");
        foreach (var c in tree.Committees)
        {
            string[] fields =
            [
                c.Code,
                c.Name,
                c.Level.ToString(),
                c.Kind.ToString(),
                c.ParentCode ?? string.Empty,
                string.Join(";", c.Reviewers.Select(Format)),
                c.FallbackReviewer is { } f ? Format(f) : string.Empty,
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Format(Reviewer r) => $"{r.Name}<{r.Email}>";

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 || field != field.Trim()
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
