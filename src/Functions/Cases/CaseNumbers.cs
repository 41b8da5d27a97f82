using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GuanGong.Functions.Cases;

/// <summary>
/// The 受理编号 a person reads and quotes: the year and eight digits derived from the case id
/// (2026-48213907). The case id itself carries the unit's code and the campaign's tag, which are
/// internal and never shown; the number is stable for a case and found again from it.
/// </summary>
public static class CaseNumbers
{
    public static string For(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(caseId));
        var digits = (BitConverter.ToUInt64(hash, 0) % 100_000_000UL).ToString("D8", CultureInfo.InvariantCulture);
        var year = CaseIds.Parse(caseId)?.Year.ToString(CultureInfo.InvariantCulture);
        return year is null ? digits : $"{year}-{digits}";
    }
}
