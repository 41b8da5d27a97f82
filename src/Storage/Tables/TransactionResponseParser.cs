using System.Globalization;
using System.Text.Json;

namespace GuanGong.Storage.Tables;

/// <summary>
/// Reads a <c>multipart/mixed</c> batch response: every embedded <c>HTTP/1.1 NNN Reason</c> status
/// line starts a part, followed by its headers, a blank line and an optional body that runs to
/// the next boundary line (<c>--…</c>).
/// </summary>
internal static class TransactionResponseParser
{
    public static List<TransactionPartResponse> Parse(string content)
    {
        var parts = new List<TransactionPartResponse>();
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var statusText = line.Length >= 12 ? line.Substring(9, 3) : "0";
            var status = int.Parse(statusText, NumberStyles.None, CultureInfo.InvariantCulture);
            var reason = line.Length > 13 ? line[13..] : string.Empty;
            var headers = new List<KeyValuePair<string, string>>();
            i++;
            for (; i < lines.Length; i++)
            {
                var header = lines[i].TrimEnd('\r');
                if (header.Length == 0)
                {
                    break;
                }

                var colon = header.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers.Add(KeyValuePair.Create(header[..colon].Trim(), header[(colon + 1)..].Trim()));
                }
            }

            var body = new System.Text.StringBuilder();
            for (i++; i < lines.Length; i++)
            {
                var bodyLine = lines[i].TrimEnd('\r');
                if (bodyLine.StartsWith("--", StringComparison.Ordinal))
                {
                    break;
                }

                body.Append(bodyLine).Append('\n');
            }

            var bodyText = body.ToString().Trim();
            string? code = null;
            string? message = null;
            if (status >= 400 && bodyText.StartsWith('{'))
            {
                try
                {
                    using var document = JsonDocument.Parse(bodyText);
                    (code, message) = StorageErrorParser.ReadJson(document.RootElement);
                }
                catch (JsonException)
                {
                    message = bodyText;
                }
            }

            parts.Add(new TransactionPartResponse(status, reason, headers, bodyText.Length == 0 ? null : bodyText) { ErrorCode = code, ErrorMessage = message });
        }

        return parts;
    }
}
