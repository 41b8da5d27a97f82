namespace GuanGong.Functions.Commendations;

/// <summary>
/// The list of units a county approved for naming (命名) at a year's end, from the verdicts: partition = the campaign,
/// row key = the year. Versioned contract: version 2 adds <see cref="CommendedUnit.RevokedAt"/> and
/// <see cref="CommendedUnit.RevokedBecause"/> (a naming a look-back took back); a version 1 row reads as a list none of
/// whose namings was taken back.
/// </summary>
/// <param name="SchemaVersion">Version of this shape.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Year">The campaign year named.</param>
/// <param name="Units">The units named, in the order the decision lists them.</param>
/// <param name="ApprovedBy">Who approved the list.</param>
/// <param name="ApprovedAt">When.</param>
public sealed record CommendationRecord(int SchemaVersion, string CampaignId, int Year, IReadOnlyList<CommendedUnit> Units, string ApprovedBy, DateTimeOffset ApprovedAt)
{
    public const int CurrentSchemaVersion = 2;

    /// <summary>The units whose naming stands: what the decision and the certificates print.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<CommendedUnit> Standing => [.. Units.Where(u => u.Stands)];
}
