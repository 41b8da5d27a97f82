namespace GuanGong.Functions.Campaigns;

/// <summary>
/// What an early application or a re-examination did: the unit, the year, why it may apply
/// (earlyApplication, targetYearReached, noTargetYear, reExamination), and the address its link went to
/// (null when it has no contact, or a re-examination chosen before the year's launch: the launch mails it).
/// </summary>
public sealed record LaunchChoiceResult(string CampaignId, string UnitCode, int Year, string Reason, string? MailedTo);
