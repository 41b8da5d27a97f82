namespace GuanGong.Functions.Commendations;

/// <summary>
/// The list of units a county approved for naming (命名) at a year's end, from the verdicts: partition = the campaign,
/// row key = the year. Versioned contract.
/// </summary>
/// <param name="SchemaVersion">Version of this shape.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Year">The campaign year named.</param>
/// <param name="Units">The units named, in the order the decision lists them.</param>
/// <param name="ApprovedBy">Who approved the list.</param>
/// <param name="ApprovedAt">When.</param>
public sealed record CommendationRecord(int SchemaVersion, string CampaignId, int Year, IReadOnlyList<CommendedUnit> Units, string ApprovedBy, DateTimeOffset ApprovedAt)
{
    public const int CurrentSchemaVersion = 1;
}
