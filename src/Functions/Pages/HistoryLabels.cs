using System.Text.RegularExpressions;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Reviews;

namespace GuanGong.Functions.Pages;

/// <summary>
/// An audit entry as a person reads it on the unit's page and the dashboard: who (a name, never an
/// address or “system”), what (a Chinese label), and a detail in which committee codes and item ids are
/// replaced by names, review actions by their Chinese labels, and file hashes left out. The audit log
/// itself keeps everything as recorded.
/// </summary>
public static partial class HistoryLabels
{
    public sealed record Line(string When, string Who, string What, string? Detail);

    public static Line Describe(AuditEntry entry, Func<string, string?> committeeName, StandardTemplate? template)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var who = Who(entry.Actor);
        var what = entry.Action switch
        {
            "提交审核决定" => "提交审核意见",
            _ when Ascii().IsMatch(entry.Action) => "办理",
            _ => entry.Action,
        };
        return new Line(ChinaDates.When(entry.At), who, what, entry.Detail is { Length: > 0 } d ? Detail(d, committeeName, template) : null);
    }

    private static string Who(string actor)
    {
        if (actor is "system" or "")
        {
            return "系统";
        }

        var angle = actor.IndexOf('<', StringComparison.Ordinal);
        var name = (angle > 0 ? actor[..angle] : actor).Trim();
        // “张三（T1）”: the committee code in brackets goes.
        name = Bracketed().Replace(name, string.Empty);
        return name.Contains('@', StringComparison.Ordinal) ? "经办人" : name;
    }

    private static string Detail(string detail, Func<string, string?> committeeName, StandardTemplate? template)
    {
        // Uploads: “itemId：文件名（1234 字节，SHA-256 …）” → “项目名称：文件名（1.2 KB）”.
        detail = Sha().Replace(detail, string.Empty);
        detail = Bytes().Replace(detail, m => Size(long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        return Word().Replace(detail, m =>
        {
            var word = m.Value;
            if (Enum.TryParse<ReviewAction>(word, ignoreCase: false, out var action) && Enum.IsDefined(action))
            {
                return ReviewPages.ActionLabel(action);
            }

            if (template?.AllItems.FirstOrDefault(i => i.Id == word) is { } item)
            {
                return item.Name;
            }

            return committeeName(word) ?? word;
        });
    }

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, bytes / 1024)} KB"
        : $"{bytes / (1024.0 * 1024.0):0.#} MB";

    [GeneratedRegex("^[\\x00-\\x7F]+$")]
    private static partial Regex Ascii();

    [GeneratedRegex("[（(][A-Za-z0-9_.-]+[）)]")]
    private static partial Regex Bracketed();

    [GeneratedRegex("[，,]\\s*SHA-256\\s*[0-9a-fA-F]+")]
    private static partial Regex Sha();

    [GeneratedRegex("(\\d+) 字节")]
    private static partial Regex Bytes();

    [GeneratedRegex("(?<![A-Za-z0-9_.-])[A-Za-z][A-Za-z0-9_-]*(?![A-Za-z0-9_.-])")]
    private static partial Regex Word();
}
