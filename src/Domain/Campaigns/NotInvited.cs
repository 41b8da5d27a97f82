namespace GuanGong.Domain.Campaigns;

/// <summary>A unit in scope a year's launch leaves out, and why.</summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="Reason">Why it is left out.</param>
public sealed record NotInvited(string UnitCode, NotInvitedReason Reason);
