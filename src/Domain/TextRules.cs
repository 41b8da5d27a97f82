using System.Globalization;

namespace GuanGong.Domain;

/// <summary>
/// Characters a name or a line of text must not carry: they are invisible on a page, yet they end
/// up in mail headers, spreadsheets and logs, where they break lines (CR, LF, U+2028/2029), hide
/// content (NUL and the other control characters) or reorder what a reader sees (the bidi
/// embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069 and the marks U+200E, U+200F,
/// U+061C: "‮gpj.exe" reads as "exe.jpg").
/// </summary>
public static class TextRules
{
    /// <summary>Whether <paramref name="c"/> is a control, line-separator or bidi-formatting character.</summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>The first unsafe character of <paramref name="text"/>, or null when there is none.</summary>
    public static char? FirstUnsafe(string? text)
    {
        foreach (var c in text ?? string.Empty)
        {
            if (IsUnsafe(c))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>How an unsafe character is named in an error: "换行符 (U+000A)".</summary>
    public static string Describe(char c)
    {
        var kind = c switch
        {
            '\r' or '\n' or '\u2028' or '\u2029' => "换行符",
            '\t' => "制表符",
            _ when char.IsControl(c) => "控制字符",
            _ => "文字方向控制符",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{kind} (U+{(int)c:X4})");
    }

    /// <summary>An error for a field (CSV column or form field) holding <paramref name="c"/>.</summary>
    /// <param name="path">The field's path or column.</param>
    /// <param name="label">The field as a person calls it, e.g. 名称.</param>
    /// <param name="c">The unsafe character found.</param>
    public static ValidationError UnsafeCharacter(string path, string label, char c) =>
        new(
            path,
            "text.unsafe_character",
            $"“{label}”中有不允许的{Describe(c)}，请删除后重试（表格里常见于单元格内的换行）。",
            string.Create(CultureInfo.InvariantCulture, $"The {path} holds a control, line-break or bidi character (U+{(int)c:X4})."));
}
