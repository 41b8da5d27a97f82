namespace GuanGong.Domain.Campaigns;

/// <summary>A unit a year's launch sends its link to, and why.</summary>
/// <param name="UnitCode">The unit (a township or a grassroots unit).</param>
/// <param name="Reason">Why it is invited.</param>
public sealed record Invitation(string UnitCode, InvitationReason Reason);
