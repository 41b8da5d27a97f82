namespace GuanGong.Functions.Campaigns;

/// <summary>One round of a campaign year's invitations: the input of the invitation orchestration. Versioned contract.</summary>
public sealed record InvitationRun(int SchemaVersion, string CampaignId, int Year, int Round)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>One instance per round, so a repeated launch finds the round it started and a resend starts the next.</summary>
    public string InstanceId => $"invite-{CampaignId}-{Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{Round.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>Some units of a round, sent in one activity call.</summary>
public sealed record InvitationBatch(InvitationRun Run, IReadOnlyList<string> UnitCodes);
