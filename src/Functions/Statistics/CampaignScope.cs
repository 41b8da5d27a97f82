using GuanGong.Domain.Organisations;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;

namespace GuanGong.Functions.Statistics;

/// <summary>
/// One campaign year seen from one committee: the subtree under <see cref="Root"/> and, for each
/// unit in it, its latest case (a unit returned and resubmitted still has one case; a withdrawn case
/// followed by a new one counts as the new one).
/// </summary>
public sealed record CampaignScope(CampaignRecord Campaign, OrganisationTree Tree, string Root, int Year, IReadOnlyDictionary<string, CaseRecord> LatestCases);
