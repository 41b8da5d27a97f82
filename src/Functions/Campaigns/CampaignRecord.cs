using GuanGong.Domain.Campaigns;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// A campaign as stored: the domain's settings plus when (and whether) it was launched, and how many
/// rounds of invitations have been started for the launch year (a repeated launch starts none; a
/// resend starts the next). Versioned contract: <see cref="InvitationRound"/> is optional, so rows
/// written before it still read.
/// </summary>
public sealed record CampaignRecord(int SchemaVersion, CampaignSettings Settings, DateTimeOffset CreatedAt, DateTimeOffset? LaunchedAt, int? LaunchYear, int? InvitationRound = null)
{
    public const int CurrentSchemaVersion = 1;
}
