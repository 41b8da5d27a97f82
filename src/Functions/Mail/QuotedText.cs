using System.Text.RegularExpressions;

namespace GuanGong.Functions.Mail;

/// <summary>
/// Makes someone else's words safe to quote in a mail: a reviewer's reason goes into the unit's
/// mail, and every mail client turns what looks like an address into a link the unit may trust
/// because it came from the system. Links are written the way security notices write them —
/// <c>http[:]//x</c>, <c>www[.]x</c>, <c>example[.]com</c>, <c>1[.]2[.]3[.]4</c> — still
/// readable and copyable by hand, no longer clickable. Line breaks and controls become spaces.
/// </summary>
public static partial class QuotedText
{
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var flat = MailComposer.HeaderText(text);
        var schemes = SchemePattern().Replace(flat, m => m.Groups["scheme"].Value + "[:]");
        return HostPattern().Replace(schemes, m => m.Value.Replace(".", "[.]", StringComparison.Ordinal));
    }

    // A scheme that mail clients link: http(s), ftp, file, mailto, and the script-like ones.
    [GeneratedRegex(@"(?<scheme>\b(?:https?|ftps?|file|mailto|javascript|data|tel|sms|callto|news)):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();

    // A host name: labels of ASCII letters, digits and '-' joined by dots, ending in a letter-only
    // top-level label of 2+ (so "3.5分" and "e.g." stay), or an IPv4 address. Only ASCII bounds it:
    // "请访问example.com" is linked by mail clients, so a Chinese character before it does not protect it.
    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|\d{1,3}(?:\.\d{1,3}){3})(?![A-Za-z0-9_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();
}
