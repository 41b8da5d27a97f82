using GuanGong.Domain.Campaigns;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// A campaign as stored: the domain's settings plus when (and whether) it was launched, and the last
/// year whose invitations all went out (so a repeated launch does not email every unit again).
/// Versioned contract: <see cref="InvitedYear"/> is optional, so rows written before it still read.
/// </summary>
public sealed record CampaignRecord(int SchemaVersion, CampaignSettings Settings, DateTimeOffset CreatedAt, DateTimeOffset? LaunchedAt, int? LaunchYear, int? InvitedYear = null)
{
    public const int CurrentSchemaVersion = 1;
}
