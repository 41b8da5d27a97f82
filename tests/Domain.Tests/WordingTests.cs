using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests;

/// <summary>
/// Issue 15, rule 6: the words the domain emits. 申报 / 受理编号 instead of 案件 / 案件编号; kinds named 村、社区、学校、企业、
/// 机关 (关工小组 where the documents say so); the campaign's own standard name for headers and mails, never a hard-coded 五好.
/// </summary>
public sealed class WordingTests
{
    [Fact]
    public void Words_SubmissionAndReceiptNumber_NotCase()
    {
        Assert.Equal("申报", Wording.Submission);
        Assert.Equal("受理编号", Wording.ReceiptNumber);
        Assert.All(Enum.GetValues<GuanGong.Domain.Cases.CaseStatus>(), s => Assert.DoesNotContain("案", Wording.Status(s), StringComparison.Ordinal));
    }

    [Fact]
    public void Words_KindsAsTheDocumentsNameThem_GroupsForVillagesCommunitiesSchools()
    {
        Assert.Equal(
            ["村", "社区", "学校", "企业", "机关"],
            new[] { CommitteeKind.Village, CommitteeKind.Community, CommitteeKind.School, CommitteeKind.Enterprise, CommitteeKind.Department }.Select(Wording.KindName));
        Assert.Equal(("关工小组", "关工小组", "关工小组"), (Wording.BodyName(CommitteeKind.Village), Wording.BodyName(CommitteeKind.Community), Wording.BodyName(CommitteeKind.School)));
        Assert.Equal(("关工委", "关工委"), (Wording.BodyName(CommitteeKind.Enterprise), Wording.BodyName(CommitteeKind.Township)));
        Assert.Equal("红星村关工小组", Wording.CommitteeTitle(TreeBuilder.Committee("X", CommitteeLevel.Grassroots, null) with { Name = "红星村" }));
        Assert.Equal("红星村关工委", Wording.CommitteeTitle(TreeBuilder.Committee("X", CommitteeLevel.Grassroots, null) with { Name = "红星村关工委" }));
        Assert.Equal("村、社区、学校", Wording.KindList(CampaignSettings.DefaultTownshipRuleKinds));
    }

    [Fact]
    public void StandardName_TheCampaignsOwn_NotAHardCodedFiveGood()
    {
        var sixGood = TemplateLoader.GetLatest(StandardTemplateIds.SixGood);
        var campaign = CampaignBuilder.ThreeYear().Upgrade() with { Template = sixGood.Pin() };

        Assert.Equal("六好基层关工委", campaign.StandardNameFor(sixGood));
        Assert.Equal("五有五好基层关工委", campaign.StandardNameFor(TemplateLoader.GetLatest(StandardTemplateIds.FiveHavesFiveGoods)));
        Assert.Equal("示范县六好关工委", (campaign with { StandardName = "示范县六好关工委" }).StandardNameFor(sixGood));
        Assert.Equal(TemplateLoader.GetEmbedded(StandardTemplateIds.SixGood).Name, campaign.StandardNameFor(TemplateLoader.GetEmbedded(StandardTemplateIds.SixGood)));
    }

    [Fact]
    public void Words_DomainTextUsesDaBiao_NeverTongGuo()
    {
        var tree = new TreeBuilder().City("C").County("C.K", "C").Township("T", "C.K").Units("T", 2).Build();
        var rating = GuanGong.Domain.Scoring.TownshipRule.Evaluate(tree, "T", false, new HashSet<string>(), new Percentage(80), CampaignSettings.DefaultTownshipRuleKinds);

        Assert.StartsWith("本级未达标", rating.Reasons[0], StringComparison.Ordinal);
        Assert.All(rating.Reasons, r => Assert.DoesNotContain("通过", r, StringComparison.Ordinal));
    }
}
