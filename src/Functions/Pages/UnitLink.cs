using GuanGong.Functions.Campaigns;

namespace GuanGong.Functions.Pages;

/// <summary>A verified unit campaign link: the case it names (which may not exist yet), its campaign, and who it was sent to.</summary>
public sealed record UnitLink(string Token, string CaseId, string UnitCode, int Year, string Email, string Nonce, CampaignRecord Campaign);
