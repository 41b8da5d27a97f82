using GuanGong.Domain.Campaigns;

namespace GuanGong.Functions.Campaigns;

/// <summary>A campaign's target-year changes (预达标年度), oldest first, as its audit trail holds them.</summary>
public sealed record TargetYearChanges(string CampaignId, IReadOnlyList<TargetYearChange> Changes);
