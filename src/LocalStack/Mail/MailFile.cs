using System.Net.Mime;
using System.Text;
using System.Text.RegularExpressions;

namespace GuanGong.LocalStack.Mail;

/// <summary>
/// An email as it was written to a pickup folder or received over SMTP, with its headers, subject and
/// bodies decoded. The local mailbox page and the tests' SMTP sink both read mail through this type.
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

    /// <summary>Parses a raw RFC 5322 message: headers, encoded-word subject, base64 / quoted-printable / multipart bodies.</summary>
    /// <param name="from">The envelope sender; the From header is used when empty.</param>
    /// <param name="to">The envelope recipients; the To header is used when empty.</param>
    /// <param name="raw">The message text with CRLF line ends.</param>
    public static MailFile Parse(string from, IReadOnlyList<string> to, string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        raw = raw.ReplaceLineEndings("\r\n");
        var (headers, body) = SplitHeaders(raw);
        var subject = DecodeEncodedWords(headers.GetValueOrDefault("subject") ?? string.Empty);
        var parts = new List<(string MediaType, string Text)>();
        CollectParts(headers, body, parts);
        var text = string.Join("\n", parts.Where(p => !p.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)).Select(p => p.Text));
        var html = parts.Where(p => p.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)).Select(p => p.Text).FirstOrDefault();
        var sender = string.IsNullOrEmpty(from) ? DecodeEncodedWords(headers.GetValueOrDefault("from") ?? string.Empty) : from;
        var recipients = to.Count > 0
            ? to
            : [.. (headers.GetValueOrDefault("to") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(DecodeEncodedWords)];
        DateTimeOffset? date = DateTimeOffset.TryParse(
            StripComment(headers.GetValueOrDefault("date")),
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AllowWhiteSpaces,
            out var parsed) ? parsed : null;
        return new MailFile(sender, recipients, raw, subject, text.Length == 0 && html is not null ? html : text, html, date);
    }

    /// <summary>Reads a <c>.eml</c> file as a pickup folder holds it.</summary>
    /// <param name="path">The file.</param>
    public static MailFile Load(string path) => Parse(string.Empty, [], File.ReadAllText(path));

    private static string? StripComment(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var comment = value.IndexOf('(', StringComparison.Ordinal);
        return comment < 0 ? value : value[..comment].Trim();
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? raw : raw[..split];
        var body = split < 0 ? string.Empty : raw[(split + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null)
            {
                headers[last] += line.TrimStart();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, body);
    }

    private static void CollectParts(Dictionary<string, string> headers, string body, List<(string MediaType, string Text)> parts)
    {
        var contentType = new ContentType(headers.GetValueOrDefault("content-type") ?? "text/plain");
        if (contentType.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) && contentType.Boundary is { } boundary)
        {
            foreach (var part in body.Split("--" + boundary).Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)))
            {
                var (partHeaders, partBody) = SplitHeaders(part.TrimStart('\r', '\n'));
                CollectParts(partHeaders, partBody, parts);
            }

            return;
        }

        if (contentType.MediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            parts.Add((contentType.MediaType, DecodeBody(headers, contentType, body)));
        }
    }

    private static string DecodeBody(Dictionary<string, string> headers, ContentType contentType, string body)
    {
        var charset = Encoding.GetEncoding(contentType.CharSet ?? "utf-8");
        var transfer = headers.GetValueOrDefault("content-transfer-encoding")?.Trim().ToLowerInvariant();
        return transfer switch
        {
            "base64" => charset.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
            "quoted-printable" => DecodeQuotedPrintable(body, charset),
            _ => body,
        };
    }

    private static string DecodeQuotedPrintable(string text, Encoding charset)
    {
        var bytes = new List<byte>();
        var soft = text.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < soft.Length; i++)
        {
            if (soft[i] == '=' && i + 2 < soft.Length && Uri.IsHexDigit(soft[i + 1]) && Uri.IsHexDigit(soft[i + 2]))
            {
                bytes.Add(Convert.ToByte(soft.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(soft[i].ToString()));
            }
        }

        return charset.GetString([.. bytes]);
    }

    private static string DecodeEncodedWords(string value) => EncodedWord().Replace(value, m =>
    {
        var charset = Encoding.GetEncoding(m.Groups[1].Value);
        var payload = m.Groups[3].Value;
        return m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? charset.GetString(Convert.FromBase64String(payload))
            : DecodeQuotedPrintable(payload.Replace('_', ' '), charset);
    }).Replace("?= =?", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex LinkPattern();
}
