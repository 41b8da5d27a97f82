using GuanGong.Domain.LookBack;

namespace GuanGong.Functions.LookBacks;

/// <summary>
/// One look-back (回头看) as stored: who drew it, for which subtree and campaign year, the seeded sample (the seed is
/// kept, so anyone can draw it again and get the same units), and for each unit drawn what was found and ordered.
/// Partition = the campaign, row key = <see cref="LookBackId"/>. Versioned contract.
/// </summary>
public sealed record LookBackRecord(
    int SchemaVersion,
    string LookBackId,
    string CampaignId,
    int Year,
    string CommitteeCode,
    LookBackSample Sample,
    IReadOnlyList<string> PassedUnitCodes,
    IReadOnlyList<LookBackUnit> Units,
    string DrawnBy,
    DateTimeOffset DrawnAt)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The unit drawn under <paramref name="unitCode"/>, or null when the sample does not hold it.</summary>
    public LookBackUnit? Unit(string unitCode) => Units.FirstOrDefault(u => u.UnitCode == unitCode);
}
