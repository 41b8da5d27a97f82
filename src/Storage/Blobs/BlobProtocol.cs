using System.Globalization;
using Azure;
using Azure.Core;
using GuanGong.Storage.Blobs.Models;

namespace GuanGong.Storage.Blobs;

/// <summary>Header conventions of the blob service shared by the blob and container clients.</summary>
internal static class BlobProtocol
{
    public static void ValidateContainerName(string containerName)
    {
        if (containerName != "$root")
        {
            StorageNames.ValidateLowerCaseName(containerName, "container", nameof(containerName));
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
}
