using System.Text.Json;
using System.Xml;
using Azure;
using Azure.Core;

namespace GuanGong.Storage;

/// <summary>
/// Reads the storage error code and message: the <c>x-ms-error-code</c> header (present even on HEAD
/// responses, which have no body), else the body — OData JSON for tables
/// (<c>{"odata.error":{"code":…,"message":{"value":…}}}</c>), XML for blobs and queues
/// (<c>&lt;Error&gt;&lt;Code&gt;…&lt;/Code&gt;&lt;Message&gt;…&lt;/Message&gt;&lt;/Error&gt;</c>).
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static readonly StorageErrorParser Instance = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        var code = StorageHeaders.Get(response, StorageHeaders.ErrorCode);
        var (bodyCode, message) = ReadBody(response);
        code ??= bodyCode;
        error = new ResponseError(code, message ?? response.ReasonPhrase);
        return true;
    }

    /// <summary>Builds the exception for a failed response; the body must be buffered.</summary>
    public static RequestFailedException CreateException(Response response) => new(response, null, Instance);

    private static (string? Code, string? Message) ReadBody(Response response)
    {
        BinaryData content;
        try
        {
            content = response.Content;
        }
        catch (InvalidOperationException)
        {
            return (null, null);
        }

        var span = content.ToMemory().Span;
        var start = 0;
        while (start < span.Length && span[start] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0xEF or 0xBB or 0xBF)
        {
            start++;
        }

        if (start >= span.Length)
        {
            return (null, null);
        }

        try
        {
            return span[start] == (byte)'{' ? ReadJson(content) : span[start] == (byte)'<' ? ReadXml(content) : (null, null);
        }
        catch (Exception ex) when (ex is JsonException or XmlException)
        {
            return (null, null);
        }
    }

    public static (string? Code, string? Message) ReadJson(BinaryData content)
    {
        using var document = JsonDocument.Parse(content);
        return ReadJson(document.RootElement);
    }

    public static (string? Code, string? Message) ReadJson(JsonElement root)
    {
        if (!root.TryGetProperty("odata.error", out var error) && !root.TryGetProperty("error", out error))
        {
            return (null, null);
        }

        var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
        string? message = null;
        if (error.TryGetProperty("message", out var m))
        {
            message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString()
                : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }

        return (code, message);
    }

    private static (string? Code, string? Message) ReadXml(BinaryData content)
    {
        using var stream = content.ToStream();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        string? code = null;
        string? message = null;
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.LocalName is "Code" or "Message")
            {
                var isCode = reader.LocalName == "Code";
                var text = reader.ReadElementContentAsString();
                if (isCode)
                {
                    code = text;
                }
                else
                {
                    message = text;
                }

                continue;
            }

            reader.Read();
        }

        return (code, message);
    }
}
