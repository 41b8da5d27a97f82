namespace GuanGong.Functions.Campaigns;

/// <summary>
/// Launch a campaign's assessment for one year: every unit in scope gets its link. Launching a year
/// again sends nothing unless <see cref="Resend"/> asks for the links to go out again.
/// </summary>
public sealed record LaunchRequest(int? Year = null, bool? Resend = null);
