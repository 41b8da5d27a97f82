using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Standards;

/// <summary>
/// Issue 15, rule 5: the standards as the documents write them. 六好's items in the document's order; reports to the
/// party committee 3×/year for townships and 4×/year for villages, communities and schools; 五有五好 = the 五有 check plus
/// five 好; no district ratio on one unit; the organiser's numbers per campaign, set before launch; invented values 示例.
/// </summary>
public sealed class SourceStandardsTests
{
    private static IEnumerable<StandardTemplate> LatestScored => TemplateLoader.LatestEmbeddedTemplates.Where(t => t.Criteria.Count > 0);

    [Fact]
    public void SixGood_ItemsAndOrderExactlyAsTheDocument()
    {
        var names = TemplateLoader.GetLatest(StandardTemplateIds.SixGood).Criteria.Select(c => c.Name);

        // domain.md: 1 领导班子建设好; 2 争取相关部门配合好; 3 "五老"作用发挥好; 4 制度健全执行好; 5 积极探索创新好; 6 活动经常效果好
        // (the quotation marks are the Chinese ones the templates use throughout).
        Assert.Equal(["领导班子建设好", "争取相关部门配合好", "“五老”作用发挥好", "制度健全执行好", "积极探索创新好", "活动经常效果好"], names);
    }

    [Fact]
    public void ReportsToThePartyCommittee_Townships3TimesAYear_VillagesCommunitiesSchools4Times()
    {
        foreach (var template in LatestScored.Where(t => t.Id != StandardTemplateIds.FiveGoodB))
        {
            var reporting = Assert.Single(template.AllItems, i => i.Name.Contains("报告工作", StringComparison.Ordinal));
            Assert.Contains("乡镇（街道、教育局）关工委每年不少于3次（年初、年中、年底）", reporting.Name, StringComparison.Ordinal);
            Assert.Contains("村、社区、学校关工小组每年不少于4次（每季度一次）", reporting.Name, StringComparison.Ordinal);
        }

        // No template says twice any more, nor states another count for the reports.
        Assert.All(LatestScored.SelectMany(t => t.AllItems), i => Assert.DoesNotContain("两次", i.Name, StringComparison.Ordinal));
        Assert.All(LatestScored.SelectMany(t => t.AllItems), i => Assert.DoesNotContain("报告工作不少于", i.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void FiveHavesFiveGoods_IsTheFiveHavesCheckPlusFiveGoodCriteria()
    {
        var template = TemplateLoader.GetLatest(StandardTemplateIds.FiveHavesFiveGoods);
        var fiveHaves = TemplateLoader.GetEmbedded(StandardTemplateIds.FiveHaves);

        Assert.Equal(fiveHaves.Preconditions.Select(p => (p.Id, p.Name)), template.Preconditions.Select(p => (p.Id, p.Name)));
        Assert.Equal(["领导班子建设好", "五老队伍建设好", "各项制度建设好", "积极探索创新好", "工作活动开展好"], template.Criteria.Select(c => c.Name));
        Assert.All(template.Criteria, c => Assert.EndsWith("好", c.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void NoDistrictRatioOnOneUnit_ExecutiveDeputyIsAYesNoItem()
    {
        foreach (var template in LatestScored)
        {
            var deputy = Assert.Single(template.AllItems, i => i.Name.Contains("常务副主任由“五老”担任", StringComparison.Ordinal));
            Assert.True(deputy.YesNo);
            Assert.Empty(deputy.Deductions);
        }

        Assert.All(LatestScored.SelectMany(t => t.AllItems), i => Assert.DoesNotContain("%", i.Name, StringComparison.Ordinal));
        Assert.All(LatestScored.SelectMany(t => t.AllItems), i => Assert.DoesNotContain("百分点", string.Join(" ", i.Deductions.Select(d => d.Description)), StringComparison.Ordinal));
    }

    [Fact]
    public void NoDistrictRatioOnOneUnit_YesNoItemScoresFullOrNothing()
    {
        var template = TemplateLoader.GetLatest(StandardTemplateIds.SixGood);
        var deputy = template.AllItems.Single(i => i.YesNo == true);

        var half = new SheetBuilder(template).Score(deputy.Id, deputy.Points / 2, "部分村由五老担任").Build();
        var none = new SheetBuilder(template).Score(deputy.Id, 0, "未由五老担任").Build();

        Assert.Equal("sheet.yes_no_partial", Assert.Single(ScoreSheetValidator.Validate(half, template)).Code);
        Assert.Empty(ScoreSheetValidator.Validate(none, template));
        var invalid = template with { Criteria = [template.Criteria[0] with { Items = [.. template.Criteria[0].Items.Select(i => i.YesNo == true ? i with { Deductions = [new DeductionRule("x", "扣", 1, null)] } : i)] }, .. template.Criteria.Skip(1)] };
        Assert.Contains(TemplateValidator.Validate(invalid), e => e.Code == "template.yes_no_with_deductions");
    }

    [Fact]
    public void InventedValues_AreMarkedExample()
    {
        foreach (var template in LatestScored)
        {
            Assert.True(template.IsExample("passThreshold"), template.Id);
            Assert.True(template.IsExample("totalPoints"), template.Id);
            Assert.True(template.IsExample("criteria[0].points"), template.Id);
            Assert.True(template.IsExample("criteria[0].items[0].points"), template.Id);
            Assert.True(template.IsExample("bonus.items[0].points"), template.Id);
            Assert.Contains(StandardTemplate.ExampleLabel, template.Description, StringComparison.Ordinal);
        }

        var sixGood = TemplateLoader.GetLatest(StandardTemplateIds.SixGood);
        var funds = sixGood.AllItems.Single(i => i.Name.Contains("2000元", StringComparison.Ordinal));
        Assert.Contains("示例", funds.Name, StringComparison.Ordinal);
        Assert.True(sixGood.IsExample("criteria[3].items[2].name"));
        Assert.False(sixGood.IsExample("criteria[0].items[1].name")); // the reporting counts come from the documents
        Assert.Contains(TemplateValidator.Validate(sixGood with { ExampleValues = ["criteria[9].points"] }), e => e.Code == "template.example_path_unknown");
    }

    [Fact]
    public void OrganisersNumbers_PassLinePointsAndTownshipShare_PerCampaignBeforeLaunch()
    {
        var template = TemplateLoader.GetLatest(StandardTemplateIds.SixGood);
        var campaign = CampaignBuilder.ThreeYear() with { Template = template.Pin() };
        var numbers = new OrganiserNumbers(
            PassThreshold: 90,
            Points: new Dictionary<string, decimal> { ["leadership"] = 25, ["leadership-agenda"] = 10, ["activities"] = 15, ["activities-effect"] = 0.5m, ["activities-law"] = 4.5m },
            TownshipUnitShare: new Percentage(70));

        var applied = CampaignSetup.SetNumbers(campaign, template, numbers, launched: false).Value;

        Assert.Equal("c-2025-five-good-six-good", applied.Template.Id);
        Assert.Equal(1, applied.Template.Version);
        Assert.Equal((90m, 100m), (applied.Template.PassThreshold, applied.Template.TotalPoints));
        Assert.Equal(template.Pin(), applied.Template.BasedOn);
        Assert.Equal(applied.Template.Pin(), applied.Settings.Template);
        Assert.Equal(70m, applied.Settings.TownshipUnitShare.Value);
        Assert.False(applied.Template.IsExample("passThreshold"));
        Assert.False(applied.Template.IsExample("criteria[0].items[0].points"));
        Assert.True(applied.Template.IsExample("criteria[1].items[0].points"));
        Assert.Empty(CampaignValidator.Validate(applied.Settings, catalog: new TemplateCatalog([.. TemplateLoader.EmbeddedTemplates, applied.Template])));

        // A second change before launch makes version 2 of the campaign's own template.
        var again = CampaignSetup.SetNumbers(applied.Settings, applied.Template, new OrganiserNumbers(PassThreshold: 85), launched: false).Value;
        Assert.Equal(("c-2025-five-good-six-good", 2, 85m), (again.Template.Id, again.Template.Version, again.Template.PassThreshold));
        Assert.Equal(template.Pin(), again.Template.BasedOn);
    }

    [Fact]
    public void OrganisersNumbers_AfterLaunchOrNotAddingUp_Refused()
    {
        var template = TemplateLoader.GetLatest(StandardTemplateIds.SixGood);
        var campaign = CampaignBuilder.ThreeYear() with { Template = template.Pin() };

        var locked = CampaignSetup.SetNumbers(campaign, template, new OrganiserNumbers(PassThreshold: 80), launched: true);
        var broken = CampaignSetup.SetNumbers(campaign, template, new OrganiserNumbers(Points: new Dictionary<string, decimal> { ["leadership-agenda"] = 9 }), launched: false);
        var unknown = CampaignSetup.SetNumbers(campaign, template, new OrganiserNumbers(Points: new Dictionary<string, decimal> { ["nope"] = 9 }), launched: false);

        Assert.Equal("campaign.numbers_locked", Assert.Single(locked.Errors).Code);
        Assert.Contains(broken.Errors, e => e.Code == "template.items_do_not_add_up");
        Assert.Equal("numbers.id_unknown", Assert.Single(unknown.Errors).Code);
    }

    [Fact]
    public void OrganisersNumbers_ForAKindsScoringSheet_PinTheKindsTemplate()
    {
        var schools = TemplateLoader.GetLatest(StandardTemplateIds.FiveGoodB);
        var campaign = CampaignBuilder.ThreeYear() with { SchemaVersion = 2, KindTemplates = [new KindTemplate(CommitteeKind.School, schools.Pin())] };

        var applied = CampaignSetup.SetNumbers(campaign, schools, new OrganiserNumbers(PassThreshold: 80), launched: false, CommitteeKind.School).Value;

        Assert.Equal(applied.Template.Pin(), applied.Settings.TemplateFor(CommitteeKind.School));
        Assert.Equal(campaign.Template, applied.Settings.Template);
    }

    [Fact]
    public void SupersededVersions_StayShippedSoPinnedCampaignsResolve()
    {
        var v1 = TemplateLoader.GetEmbedded(StandardTemplateIds.SixGood, 1);

        Assert.Equal(2, TemplateLoader.GetLatest(StandardTemplateIds.SixGood).Version);
        Assert.True(TemplateCatalog.Embedded().Resolve(v1.Pin()).IsSuccess);
        Assert.Equal(9, TemplateLoader.EmbeddedTemplates.Count);
    }
}
