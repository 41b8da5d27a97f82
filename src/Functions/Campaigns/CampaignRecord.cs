using GuanGong.Domain.Campaigns;

namespace GuanGong.Functions.Campaigns;

/// <summary>A campaign as stored: the domain's settings plus when (and whether) it was launched. Versioned contract.</summary>
public sealed record CampaignRecord(int SchemaVersion, CampaignSettings Settings, DateTimeOffset CreatedAt, DateTimeOffset? LaunchedAt, int? LaunchYear)
{
    public const int CurrentSchemaVersion = 1;
}
