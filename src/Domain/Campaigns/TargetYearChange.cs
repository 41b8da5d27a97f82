namespace GuanGong.Domain.Campaigns;

/// <summary>
/// The audit record of one change of a unit's target year (预达标年度) after the campaign was created, e.g. by the
/// year-one re-check. The app stores it in the campaign's audit trail together with the new settings.
/// </summary>
/// <param name="SchemaVersion">Version of this JSON shape; <see cref="CurrentSchemaVersion"/> today.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="UnitCode">The unit.</param>
/// <param name="FromYear">The target year before; null when none was set.</param>
/// <param name="ToYear">The target year after; null when it was cleared.</param>
/// <param name="Reason">Why (required), e.g. "年初复核：班子调整，改为2027年达标".</param>
/// <param name="ChangedByCommitteeCode">The committee making the change (the organiser or a committee above the unit).</param>
/// <param name="ChangedBy">The person who made it.</param>
/// <param name="ChangedAt">When.</param>
public sealed record TargetYearChange(
    int SchemaVersion,
    string CampaignId,
    string UnitCode,
    int? FromYear,
    int? ToYear,
    string Reason,
    string ChangedByCommitteeCode,
    string ChangedBy,
    DateTimeOffset ChangedAt)
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;
}
