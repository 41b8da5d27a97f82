using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Tests.Builders;

/// <summary>A three-year Five-Good campaign 2025-2027 with 30/60/80% targets, an 80% township rule and a 10% look-back.</summary>
internal static class CampaignBuilder
{
    public static CampaignSettings ThreeYear(string organiser = "C") => new(
        CampaignSettings.CurrentSchemaVersion,
        "c-2025-five-good",
        "2025—2027年“五好基层关工委”创建活动",
        organiser,
        2025,
        2027,
        TemplateLoader.GetEmbedded(StandardTemplateIds.FiveGoodA).Pin(),
        [new(2025, new Percentage(30)), new(2026, new Percentage(60)), new(2027, new Percentage(80))],
        [],
        2,
        [EscalationLadder.Default, EscalationLadder.Default with { ReviewerWorkingDays = 10 }],
        new Percentage(10),
        new Percentage(80));
}
