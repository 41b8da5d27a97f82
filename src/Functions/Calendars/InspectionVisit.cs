namespace GuanGong.Functions.Calendars;

/// <summary>
/// A 督查 visit: a township's quarterly or the county's half-year check of the units below it, as recorded by the visiting
/// committee (partition <c>{campaignId}-{year}</c>, row = visit id). Versioned contract.
/// </summary>
/// <param name="SchemaVersion">Version of this shape.</param>
/// <param name="VisitId">Unique id.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Year">The campaign year.</param>
/// <param name="CommitteeCode">The visiting committee (a township or the county).</param>
/// <param name="Date">The day of the visit (China local).</param>
/// <param name="Visitors">Who went, as written by the committee.</param>
/// <param name="VisitedUnitCodes">The units visited (inside the committee's subtree).</param>
/// <param name="Findings">What was found.</param>
/// <param name="Attachments">Files recorded with the visit (names and sizes; the content is kept in blob storage).</param>
/// <param name="RecordedBy">Who recorded it (the caller).</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record InspectionVisit(
    int SchemaVersion,
    string VisitId,
    string CampaignId,
    int Year,
    string CommitteeCode,
    DateOnly Date,
    string Visitors,
    IReadOnlyList<string> VisitedUnitCodes,
    string Findings,
    IReadOnlyList<VisitAttachment> Attachments,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    public const int CurrentSchemaVersion = 1;
}

/// <summary>A file recorded with a visit: its name, size and content hash; the content is stored in blob storage under <see cref="BlobName"/>.</summary>
public sealed record VisitAttachment(string FileName, long Bytes, string Sha256, string BlobName);
