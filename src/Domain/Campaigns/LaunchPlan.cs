namespace GuanGong.Domain.Campaigns;

/// <summary>Who a year's launch invites and who it leaves out, in tree order (<see cref="YearLaunch.Plan"/>).</summary>
/// <param name="Year">The year launched.</param>
/// <param name="Invited">The units to send a link to.</param>
/// <param name="NotInvited">The units in scope left out, each with its reason.</param>
public sealed record LaunchPlan(int Year, IReadOnlyList<Invitation> Invited, IReadOnlyList<NotInvited> NotInvited)
{
    /// <summary>The codes of the invited units.</summary>
    public IEnumerable<string> InvitedCodes => Invited.Select(i => i.UnitCode);
}
