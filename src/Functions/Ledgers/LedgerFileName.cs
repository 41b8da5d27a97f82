using System.Globalization;
using System.Text;

namespace GuanGong.Functions.Ledgers;

/// <summary>
/// The name a ledger is shown and downloaded under. It is only ever a label (the blob is named by
/// ids), but it ends up in a Content-Disposition header and on reviewers' disks, so: no directory
/// parts, no control or reserved characters, no "..", at most <see cref="MaxLength"/> characters,
/// Chinese kept, and an extension that matches what the bytes really are.
/// </summary>
public static class LedgerFileName
{
    public const int MaxLength = 100;

    private const string Reserved = "<>:\"/\\|?*";

    /// <summary>The cleaned name, or an empty string when nothing usable is left.</summary>
    public static string Sanitise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }

        // Only the last path segment counts, whichever separator the sender's system uses.
        var name = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || (rune.IsAscii && Reserved.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                continue;
            }

            clean.Append(rune.ToString());
        }

        var text = clean.ToString();
        while (text.Contains("..", StringComparison.Ordinal))
        {
            text = text.Replace("..", ".", StringComparison.Ordinal);
        }

        text = text.Trim().Trim('.').Trim();
        return Truncate(text, MaxLength);
    }

    /// <summary>The name with the detected kind's extension (a PNG uploaded as "a.pdf" is saved as "a.pdf.png").</summary>
    public static string WithExtensionOf(string name, LedgerFileKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(kind);
        var extension = Path.GetExtension(name);
        if (extension.Equals(kind.Extension, StringComparison.OrdinalIgnoreCase) || AlsoFits(kind).Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return name;
        }

        return Truncate(name, MaxLength - kind.Extension.Length) + kind.Extension;
    }

    // Other extensions that honestly describe the same bytes (an OLE file may be Word, Excel or PowerPoint).
    private static string[] AlsoFits(LedgerFileKind kind) =>
        kind == LedgerFileKind.Jpeg ? [".jpeg"]
        : kind == LedgerFileKind.LegacyOffice ? [".xls", ".ppt", ".wps", ".et"]
        : [];

    // Never cut a surrogate pair in half.
    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = char.IsLowSurrogate(text[length]) ? length - 1 : length;
        return text[..cut];
    }
}
