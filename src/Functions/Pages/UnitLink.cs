using GuanGong.Functions.Campaigns;

namespace GuanGong.Functions.Pages;

/// <summary>
/// A verified unit campaign link: the case it names (which may not exist yet), its campaign, and who it was sent to.
/// <see cref="Token"/> is what the pages' URLs carry (the link's handle, see <see cref="Http.LinkCookies"/>);
/// <see cref="Credential"/> is the signed token itself, for the page's API calls (never in a URL).
/// </summary>
public sealed record UnitLink(string Token, string Credential, string CaseId, string UnitCode, int Year, string Email, string Nonce, CampaignRecord Campaign);
