using System.Security.Cryptography;
using System.Text;

namespace GuanGong.Functions.Cases;

/// <summary>
/// Case numbers people can read and say on the phone: <c>{year}-{unitCode}-{tag}</c>, where the tag
/// is four characters derived from the campaign id (so the same unit in two campaigns of one year
/// gets two numbers). Deterministic, so a unit's campaign link can name its case before it exists.
/// </summary>
public static class CaseIds
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

    public sealed record Parts(int Year, string UnitCode, string Tag);

    public static string For(string campaignId, int year, string unitCode) =>
        $"{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{unitCode}-{Tag(campaignId)}";

    public static Parts? Parse(string caseId)
    {
        var first = caseId.IndexOf('-', StringComparison.Ordinal);
        var last = caseId.LastIndexOf('-');
        if (first <= 0 || last <= first + 1 || !int.TryParse(caseId.AsSpan(0, first), System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        return new Parts(year, caseId[(first + 1)..last], caseId[(last + 1)..]);
    }

    public static string Tag(string campaignId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(campaignId));
        return string.Concat(hash.Take(4).Select(b => Alphabet[b % Alphabet.Length]));
    }
}
