using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GuanGong.Functions.Audit;

/// <summary>
/// Hash-chains audit entries: SHA-256 over a canonical, length-prefixed rendering of the entry's
/// fields and the previous hash. Length prefixes make the rendering unambiguous, so no two different
/// entries render alike by shifting text between fields.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of a stream's first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Creates the next entry of <paramref name="stream"/> after <paramref name="previous"/> (null for the first).</summary>
    public static AuditEntry Append(AuditEntry? previous, string stream, DateTimeOffset at, string actor, string action, string? detail, string? ipAddress, string? userAgent)
    {
        var sequence = previous is null ? 1 : previous.Sequence + 1;
        var previousHash = previous?.Hash ?? Genesis;
        var entry = new AuditEntry(AuditEntry.CurrentVersion, stream, sequence, at.ToUniversalTime(), actor, action, detail, ipAddress, userAgent, previousHash, string.Empty);
        return entry with { Hash = ComputeHash(entry) };
    }

    /// <summary>Checks a whole stream in order; returns the first broken sequence number, or <c>null</c> when intact.</summary>
    public static long? FindFirstBreak(IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var expectedPrevious = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Sequence != i + 1 || entry.PreviousHash != expectedPrevious || entry.Hash != ComputeHash(entry))
            {
                return i + 1;
            }

            expectedPrevious = entry.Hash;
        }

        return null;
    }

    /// <summary>The hash an entry must carry.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            entry.Version.ToString(CultureInfo.InvariantCulture),
            entry.Stream,
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.Detail,
            entry.IpAddress,
            entry.UserAgent,
            entry.PreviousHash,
        })
        {
            // null and "" differ: -1 marks a missing field.
            text.Append(field is null ? "-1" : field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
