using System.Text;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace GuanGong.Functions.Mail;

/// <summary>
/// Builds the MIME message for an <see cref="OutgoingMail"/>. Headers cannot be broken by what goes
/// into them: MimeKit encodes non-ASCII text as RFC 2047 encoded words and validates addresses, and
/// this type removes what MimeKit would faithfully carry through (CR, LF, NUL and other control
/// characters in a name or subject come back out of the decoded header and would break whatever
/// shows, logs or forwards it).
/// </summary>
internal static class MailComposer
{
    public static MimeMessage Compose(OutgoingMail mail, MailboxAddress from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage { Subject = HeaderText(mail.Subject), Date = date };
        message.From.Add(from);
        message.To.Add(Recipient(mail.ToName, mail.ToAddress));
        message.MessageId = MimeUtils.GenerateMessageId(from.Domain);
        var text = new TextPart(TextFormat.Plain);
        text.SetText(Encoding.UTF8, mail.TextBody);
        if (mail.HtmlBody is null)
        {
            message.Body = text;
        }
        else
        {
            var html = new TextPart(TextFormat.Html);
            html.SetText(Encoding.UTF8, mail.HtmlBody);
            message.Body = new MultipartAlternative { text, html };
        }

        return message;
    }

    /// <summary>The sender from settings ("关工委 &lt;noreply@example.org&gt;" or a bare address), its name cleaned.</summary>
    public static MailboxAddress Sender(string from)
    {
        if (string.IsNullOrWhiteSpace(from) || HasLineBreakOrControl(from) || !MailboxAddress.TryParse(from, out var parsed))
        {
            throw new InvalidOperationException($"{MailSettings.Section}:From is not one mailbox (\"Name <address>\" or \"address\").");
        }

        return new MailboxAddress(HeaderText(parsed.Name ?? string.Empty), parsed.Address);
    }

    /// <summary>
    /// Text for an unstructured header or a display name: every control character (CR, LF, TAB, NUL,
    /// DEL, C1) and Unicode line or paragraph separator becomes a space, runs of them and of ASCII
    /// spaces collapse to one, and the ends are trimmed. Other spaces (the ideographic U+3000) stay.
    /// </summary>
    public static string HeaderText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var blank = char.IsControl(c) || c is '\u2028' or '\u2029' or ' ';
            if (!blank)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static MailboxAddress Recipient(string? name, string address)
    {
        // An address must be exactly one addr-spec: no display name, list, comment or line break smuggled in.
        if (string.IsNullOrWhiteSpace(address) || HasLineBreakOrControl(address)
            || !MailboxAddress.TryParse(address, out var parsed) || !string.IsNullOrEmpty(parsed.Name)
            || !string.Equals(parsed.Address, address.Trim(), StringComparison.Ordinal))
        {
            throw new ArgumentException("The recipient is not a single email address.", nameof(address));
        }

        return new MailboxAddress(HeaderText(name), parsed.Address);
    }

    private static bool HasLineBreakOrControl(string value) => value.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');
}
