using System.Globalization;
using Azure;
using Azure.Core;

namespace GuanGong.Storage;

/// <summary>Header names and value formats shared by the three services.</summary>
internal static class StorageHeaders
{
    public const string Date = "x-ms-date";
    public const string Version = "x-ms-version";
    public const string ErrorCode = "x-ms-error-code";
    public const string BlobVersion = "2025-11-05";
    public const string QueueVersion = "2025-11-05";
    public const string TableVersion = "2019-02-02";
    private const string MetadataPrefix = "x-ms-meta-";

    public static string FormatRfc1123(DateTimeOffset value) => value.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseRfc1123(string? value) =>
        DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out parsed) ? parsed : null;

    public static string? Get(Response response, string name) => response.Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Sends each pair as an <c>x-ms-meta-{name}</c> header.</summary>
    public static void ApplyMetadata(Request request, IDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (key, value) in metadata)
        {
            request.Headers.SetValue(MetadataPrefix + key, value);
        }
    }

    /// <summary>The <c>x-ms-meta-*</c> headers of a response, by name without the prefix.</summary>
    public static Dictionary<string, string> ReadMetadata(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetadataPrefix.Length..]] = header.Value;
            }
        }

        return metadata;
    }

    /// <summary>
    /// The ETag text for an <c>If-Match</c>/<c>If-None-Match</c> header: default or <see cref="ETag.All"/> is
    /// <c>*</c>; anything else exactly as the service gave it, quoted if the quotes were stripped.
    /// </summary>
    public static string FormatETag(ETag etag)
    {
        if (etag == default || etag == ETag.All)
        {
            return "*";
        }

        var text = etag.ToString();
        return text.StartsWith('"') || text.StartsWith("W/", StringComparison.Ordinal) ? text : "\"" + text + "\"";
    }
}
