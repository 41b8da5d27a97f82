using System.Globalization;

namespace GuanGong.Functions.Cases;

/// <summary>
/// Where a case lives in the cases table, derived from its case id alone (<see cref="CaseIds"/>):
/// partition <c>{tag}-{year}</c> (one campaign year: the unit of every listing), row key the case id
/// (a status read stays a point read). The tag comes first so that all years of one campaign form
/// one key range (<see cref="CampaignRange"/>). Layout 1 (before) was partition = case id, row "case".
/// </summary>
public static class CaseKeys
{
    /// <summary>The row key every case had in layout 1, with the case id as partition key.</summary>
    public const string LegacyRow = "case";

    /// <summary>The partition of one campaign year.</summary>
    public static string Partition(string campaignId, int year) => ForTag(CaseIds.Tag(campaignId), year);

    /// <summary>The partition of a case, or null when the id is not a case number (then no case has it).</summary>
    public static string? PartitionOf(string caseId) =>
        CaseIds.Parse(caseId) is { } parts ? ForTag(parts.Tag, parts.Year) : null;

    /// <summary>The key range (lower bound inclusive, upper exclusive) holding every year of one campaign.</summary>
    public static (string From, string Before) CampaignRange(string campaignId)
    {
        var tag = CaseIds.Tag(campaignId);

        // '.' is the character after '-', so every "{tag}-…" sorts inside [tag-, tag.).
        return (tag + "-", tag + ".");
    }

    private static string ForTag(string tag, int year) => $"{tag}-{year.ToString(CultureInfo.InvariantCulture)}";
}
