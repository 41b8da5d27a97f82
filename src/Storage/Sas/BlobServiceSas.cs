using System.Globalization;
using System.Text;

namespace GuanGong.Storage.Sas;

/// <summary>
/// Service SAS tokens for blobs and containers, signed with the account key. The string to sign
/// (version 2020-12-06 and later) is 16 lines; its canonical resource is
/// <c>/blob/{account}/{container}[/{blob}]</c>, with the account named once even on path-style
/// Azurite URLs (unlike SharedKey request signing).
/// </summary>
internal static class BlobServiceSas
{
    public const string Version = "2025-11-05";

    /// <summary>The SAS query (without '?') for a blob (<paramref name="blobName"/> set) or a container.</summary>
    public static string Create(StorageSharedKeyCredential credential, string container, string? blobName, string permissions, DateTimeOffset? startsOn, DateTimeOffset expiresOn, bool httpsOnly)
    {
        var start = startsOn is null ? string.Empty : Format(startsOn.Value);
        var expiry = Format(expiresOn);
        var resource = blobName is null ? "c" : "b";
        var protocol = httpsOnly ? "https" : string.Empty;
        var canonical = "/blob/" + credential.AccountName + "/" + container + (blobName is null ? string.Empty : "/" + blobName);
        var stringToSign = string.Join('\n',
            permissions, start, expiry, canonical,
            string.Empty, // signed identifier
            string.Empty, // signed IP
            protocol,
            Version,
            resource,
            string.Empty, // snapshot time
            string.Empty, // encryption scope
            string.Empty, string.Empty, string.Empty, string.Empty, string.Empty); // rscc, rscd, rsce, rscl, rsct
        var signature = credential.ComputeHmacSha256(stringToSign);

        var query = new StringBuilder(256);
        query.Append("sv=").Append(Version);
        if (start.Length > 0)
        {
            query.Append("&st=").Append(Uri.EscapeDataString(start));
        }

        query.Append("&se=").Append(Uri.EscapeDataString(expiry));
        query.Append("&sr=").Append(resource);
        query.Append("&sp=").Append(permissions);
        if (httpsOnly)
        {
            query.Append("&spr=https");
        }

        query.Append("&sig=").Append(Uri.EscapeDataString(signature));
        return query.ToString();
    }

    /// <summary>Permission letters in the order the service requires: r a c w d l.</summary>
    public static string Letters(BlobSasPermissions permissions) => Letters((int)permissions);

    /// <summary>Permission letters in the order the service requires: r a c w d l.</summary>
    public static string Letters(BlobContainerSasPermissions permissions) => Letters((int)permissions);

    private static string Letters(int flags)
    {
        var builder = new StringBuilder(6);
        Append(builder, flags, 1, 'r');
        Append(builder, flags, 2, 'a');
        Append(builder, flags, 4, 'c');
        Append(builder, flags, 8, 'w');
        Append(builder, flags, 16, 'd');
        Append(builder, flags, 32, 'l');
        return builder.Length > 0 ? builder.ToString() : throw new ArgumentException("A SAS needs at least one permission.", "permissions");
    }

    private static void Append(StringBuilder builder, int flags, int flag, char letter)
    {
        if ((flags & flag) != 0)
        {
            builder.Append(letter);
        }
    }

    private static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
