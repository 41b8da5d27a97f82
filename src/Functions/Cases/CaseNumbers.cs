using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GuanGong.Functions.Cases;

/// <summary>
/// The 受理编号 a person reads and quotes. A case accepted since receipt numbers were stored carries its own
/// (<see cref="ReceiptNumbers"/>: unique by construction); a case stored before keeps the number it was shown then,
/// the year and eight digits derived from its case id (2026-48213907). The case id itself carries the unit's code and
/// the campaign's tag, which are internal and never shown.
/// </summary>
public static class CaseNumbers
{
    /// <summary>The number to show for a case: its stored receipt number, or for an older row the one derived from its id.</summary>
    public static string For(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.ReceiptNumber ?? Legacy(record.CaseId);
    }

    /// <summary>
    /// The number derived from the case id, as rows without a stored receipt number show it. Not unique: eight digits of
    /// a hash collide for about 50 pairs in 100,000 cases, so nothing may look a case up by it.
    /// </summary>
    public static string Legacy(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(caseId));
        var digits = (BitConverter.ToUInt64(hash, 0) % 100_000_000UL).ToString("D8", CultureInfo.InvariantCulture);
        var year = CaseIds.Parse(caseId)?.Year.ToString(CultureInfo.InvariantCulture);
        return year is null ? digits : $"{year}-{digits}";
    }
}
