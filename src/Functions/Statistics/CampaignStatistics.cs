namespace GuanGong.Functions.Statistics;

/// <summary>The answer to <c>GET /api/campaigns/{campaignId}/statistics</c>: one campaign year seen from one committee, the figures cumulative over the campaign's years (passRate 达标率 = passed / assessed, coverage 达标面 = passed / established).</summary>
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
    IReadOnlyList<TownshipRatingView> TownshipRatings)
{
    /// <summary>The campaign's own name for its standard (六好基层关工委, 五有五好基层关工委…).</summary>
    public string StandardName { get; init; } = Standards.StandardNames.NoCampaign;
}
