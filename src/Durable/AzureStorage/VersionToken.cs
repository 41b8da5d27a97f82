using System.Globalization;
using Azure;

namespace GuanGong.Durable.AzureStorage;

/// <summary>
/// The engine's opaque ETag for the Azure backend: the sentinel row's table ETag plus the row
/// range of the current execution, so a checkpoint knows where to append without another read.
/// </summary>
internal readonly record struct VersionToken(ETag TableETag, long FirstRow, long NextRow)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FirstRow}:{NextRow}:{TableETag}");

    public static VersionToken Parse(string token)
    {
        var parts = token.Split(':', 3);
        return new VersionToken(new ETag(parts[2]), long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
