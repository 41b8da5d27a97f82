using System.Net.Mime;
using System.Text;
using System.Text.RegularExpressions;

namespace GuanGong.Testing;

/// <summary>A message as the SMTP sink received it, with its subject and text body decoded.</summary>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string Raw, string Subject, string Body)
{
    /// <summary>Every http(s) link in the decoded body.</summary>
    public IReadOnlyList<string> Links => [.. LinkPattern().Matches(Body).Select(m => m.Value.TrimEnd('.', ')', '"', '\'', '<', '>'))];

    /// <summary>Parses a raw RFC 5322 message: headers, encoded-word subject, base64 / quoted-printable / multipart bodies.</summary>
    public static ReceivedMail Parse(string from, IReadOnlyList<string> to, string raw)
    {
        var (headers, body) = SplitHeaders(raw);
        var subject = DecodeEncodedWords(headers.GetValueOrDefault("subject") ?? string.Empty);
        return new ReceivedMail(from, to, raw, subject, DecodeBody(headers, body));
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

    private static string DecodeBody(Dictionary<string, string> headers, string body)
    {
        var contentType = new ContentType(headers.GetValueOrDefault("content-type") ?? "text/plain");
        if (contentType.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) && contentType.Boundary is { } boundary)
        {
            var parts = body.Split("--" + boundary)
                .Skip(1)
                .Where(p => !p.StartsWith("--", StringComparison.Ordinal))
                .Select(p => SplitHeaders(p.TrimStart('\r', '\n')))
                .Select(p => DecodeBody(p.Headers, p.Body));
            return string.Join("\n", parts);
        }

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
