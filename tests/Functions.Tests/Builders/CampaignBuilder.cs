using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Deadlines;
using GuanGong.Functions.Campaigns;

namespace GuanGong.Functions.Tests.Builders;

/// <summary>A campaign organised by the test county, 2026–2028, targets 50% by 2026 and 80% by 2027, launched in 2026.</summary>
internal static class CampaignBuilder
{
    public static CampaignRecord Launched(string campaignId, string name = "五好基层关工委创建") => new(
        CampaignRecord.CurrentSchemaVersion,
        new CampaignSettings(
            CampaignSettings.CurrentSchemaVersion,
            campaignId,
            name,
            TreeBuilder.County,
            2026,
            2028,
            CaseBuilder.Template.Pin(),
            [new YearTarget(2026, new Percentage(50)), new YearTarget(2027, new Percentage(80))],
            [new UnitTargetYear(TreeBuilder.Unit1, 2026), new UnitTargetYear(TreeBuilder.Unit2, 2026), new UnitTargetYear(TreeBuilder.Unit4, 2027)],
            2,
            [EscalationLadder.Default, EscalationLadder.Default],
            new Percentage(10),
            new Percentage(60)),
        new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero),
        2026);
}
