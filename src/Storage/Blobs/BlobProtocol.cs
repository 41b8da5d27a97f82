using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using GuanGong.Storage.Blobs.Models;

namespace GuanGong.Storage.Blobs;

/// <summary>Header conventions of the blob service shared by the blob and container clients.</summary>
internal static partial class BlobProtocol
{
    public static void ValidateContainerName(string containerName)
    {
        ArgumentNullException.ThrowIfNull(containerName);
        if (containerName != "$root" && (!ContainerNamePattern().IsMatch(containerName) || containerName.Contains("--", StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{containerName}' is not a valid container name: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.", nameof(containerName));
        }
    }

    public static void ValidateBlobName(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (blobName.Length > 1024)
        {
            throw new ArgumentException($"A blob name is at most 1,024 characters; this one has {blobName.Length}.", nameof(blobName));
        }
    }

    public static void ApplyConditions(Request request, BlobRequestConditions? conditions)
    {
        if (conditions is null)
        {
            return;
        }

        if (conditions.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfMatch, StorageHeaders.FormatETag(ifMatch));
        }

        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfNoneMatch, StorageHeaders.FormatETag(ifNoneMatch));
        }

        if (conditions.IfModifiedSince is { } since)
        {
            request.Headers.SetValue(HttpHeader.Names.IfModifiedSince, StorageHeaders.FormatRfc1123(since));
        }

        if (conditions.IfUnmodifiedSince is { } unmodified)
        {
            request.Headers.SetValue(HttpHeader.Names.IfUnmodifiedSince, StorageHeaders.FormatRfc1123(unmodified));
        }
    }

    public static void ApplyMetadata(Request request, IDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (key, value) in metadata)
        {
            request.Headers.SetValue("x-ms-meta-" + key, value);
        }
    }

    public static Dictionary<string, string> ReadMetadata(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name["x-ms-meta-".Length..]] = header.Value;
            }
        }

        return metadata;
    }

    public static ETag ReadETag(Response response) =>
        response.Headers.TryGetValue("ETag", out var value) ? new ETag(value) : default;

    public static DateTimeOffset ReadDate(Response response, string name) =>
        StorageHeaders.ParseRfc1123(StorageHeaders.Get(response, name)) ?? default;

    public static byte[]? ReadHash(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) && value.Length > 0 ? Convert.FromBase64String(value) : null;

    public static long ReadLong(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0;

    public static string FormatRange(HttpRange range)
    {
        var end = range.Length is { } length ? (range.Offset + length - 1).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return "bytes=" + range.Offset.ToString(CultureInfo.InvariantCulture) + "-" + end;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerNamePattern();
}
