namespace GuanGong.Functions.Campaigns;

/// <summary>
/// A unit's invitation for a campaign year, written after its mail went out (partition
/// <c>{campaignId}-{year}</c>, row = unit code): a batch run again after a crash skips the units it
/// already reached in that round. Versioned contract.
/// </summary>
public sealed record InvitationRecord(int SchemaVersion, string CampaignId, int Year, string UnitCode, string Email, int Round, DateTimeOffset SentAt)
{
    public const int CurrentSchemaVersion = 1;

    public static string Partition(string campaignId, int year) => $"{campaignId}-{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
