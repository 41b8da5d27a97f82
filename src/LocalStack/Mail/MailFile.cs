using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace GuanGong.LocalStack.Mail;

/// <summary>
/// An email as it was written to a pickup folder or received over SMTP, with its headers, subject and
/// bodies decoded by MimeKit. The local mailbox page and the tests' SMTP sink both read mail through this type.
/// </summary>
/// <param name="From">The envelope or header sender.</param>
/// <param name="To">The recipients.</param>
/// <param name="Raw">The message as transmitted.</param>
/// <param name="Subject">The decoded subject.</param>
/// <param name="Body">The decoded plain-text body (all text parts joined).</param>
/// <param name="HtmlBody">The decoded HTML part, when there is one.</param>
/// <param name="Date">The Date header, when present and parseable.</param>
public sealed partial record MailFile(string From, IReadOnlyList<string> To, string Raw, string Subject, string Body, string? HtmlBody, DateTimeOffset? Date)
{
    /// <summary>Every http(s) link in the decoded body.</summary>
    public IReadOnlyList<string> Links => [.. LinkPattern().Matches(Body).Select(m => m.Value.TrimEnd('.', ')', '"', '\'', '<', '>'))];

    /// <summary>Parses a raw RFC 5322 message: headers, encoded words, base64 / quoted-printable / 8bit, nested multiparts.</summary>
    /// <param name="from">The envelope sender; the From header is used when empty.</param>
    /// <param name="to">The envelope recipients; the To header is used when empty.</param>
    /// <param name="raw">The message text (8-bit parts as UTF-8).</param>
    public static MailFile Parse(string from, IReadOnlyList<string> to, string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(to);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        return FromMessage(from, to, raw, MimeMessage.Load(stream));
    }

    /// <summary>Reads a <c>.eml</c> file as a pickup folder holds it.</summary>
    /// <param name="path">The file.</param>
    public static MailFile Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var stream = new MemoryStream(bytes, writable: false);
        return FromMessage(string.Empty, [], Encoding.UTF8.GetString(bytes), MimeMessage.Load(stream));
    }

    private static MailFile FromMessage(string from, IReadOnlyList<string> to, string raw, MimeMessage message)
    {
        // Attachments are not bodies; every other text part is (a message may carry several plain parts).
        var parts = message.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment).ToList();
        var text = string.Join("\n", parts.Where(p => !p.IsHtml).Select(p => p.Text));
        var html = parts.FirstOrDefault(p => p.IsHtml)?.Text;
        var sender = string.IsNullOrEmpty(from) ? string.Join(", ", message.From.Mailboxes.Select(Display)) : from;
        IReadOnlyList<string> recipients = to.Count > 0 ? to : [.. message.To.Mailboxes.Select(Display)];
        DateTimeOffset? date = message.Headers.Contains(HeaderId.Date) ? message.Date : null;
        return new MailFile(sender, recipients, raw, message.Subject ?? string.Empty, text.Length == 0 && html is not null ? html : text, html, date);
    }

    // "王审核 <reviewer@town.example>", or the bare address: the form the mailbox page shows and tests match on.
    private static string Display(MailboxAddress mailbox) =>
        string.IsNullOrEmpty(mailbox.Name) ? mailbox.Address : $"{mailbox.Name} <{mailbox.Address}>";

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex LinkPattern();
}
