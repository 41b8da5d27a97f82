namespace GuanGong.Functions.Statistics;

/// <summary>The answer to <c>GET /api/campaigns/{campaignId}/statistics</c>: one campaign year seen from one committee.</summary>
public sealed record CampaignStatistics(
    string CampaignId,
    string CampaignName,
    int Year,
    string Root,
    string RootName,
    DateTimeOffset GeneratedAt,
    SubtreeView PassRates,
    IReadOnlyList<KindView> ByKind,
    TargetYearView TargetYear,
    int StuckAfterWorkingDays,
    IReadOnlyList<LevelDelaysView> Delays,
    IReadOnlyList<TownshipRatingView> TownshipRatings);
