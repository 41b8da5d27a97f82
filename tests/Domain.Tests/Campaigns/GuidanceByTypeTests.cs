using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;
using GuanGong.Domain.Statistics;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Campaigns;

/// <summary>
/// Issue 15, rule 7: guidance by type (分类指导). A campaign may give a unit kind its own scoring sheet and its own target
/// series; both are optional.
/// </summary>
public sealed class GuidanceByTypeTests
{
    private static readonly StandardTemplate Schools = TemplateLoader.GetLatest(StandardTemplateIds.FiveGoodB);

    private static CampaignSettings Campaign() => CampaignBuilder.ThreeYear().Upgrade() with
    {
        KindTemplates = [new KindTemplate(CommitteeKind.School, Schools.Pin())],
        KindTargets = [new KindTargetSeries(CommitteeKind.School, [new(2025, new Percentage(50)), new(2027, new Percentage(100))])],
    };

    [Fact]
    public void KindTemplate_OptionalScoringSheetPerKind_OthersUseTheCampaigns()
    {
        var campaign = Campaign();

        Assert.Equal(Schools.Pin(), campaign.TemplateFor(CommitteeKind.School));
        Assert.Equal(campaign.Template, campaign.TemplateFor(CommitteeKind.Village));
        Assert.Equal([campaign.Template, Schools.Pin()], campaign.AllTemplates());
        Assert.Equal(CampaignBuilder.ThreeYear().Template, CampaignBuilder.ThreeYear().TemplateFor(CommitteeKind.School));
        Assert.Empty(CampaignValidator.Validate(campaign, TreeBuilder.Standard(), TemplateCatalog.Embedded()));
    }

    [Fact]
    public void KindTargets_OptionalTargetSeriesPerKind_ReportedWithTheKindsFigures()
    {
        var tree = TreeBuilder.Standard(); // T1: 3 villages; T2: 2 schools
        var cases = new[] { new UnitCase("C.K.T2.U1", 2025, new CaseState(CaseStatus.Passed, 2, 2, false)) };

        var figures = PassRates.ForCampaignYear(tree, "C", Campaign(), cases, 2026);

        var schools = figures.Kind(CommitteeKind.School)!;
        Assert.Equal((50m, 1, true), (schools.Progress!.Target.Value, schools.Progress.Required, schools.Progress.Met));
        Assert.Equal("学校", schools.KindName);
        Assert.Null(figures.Kind(CommitteeKind.Village)!.Progress);
        Assert.Equal(100m, Campaign().TargetFor(CommitteeKind.School, 2027)!.Value.Value);
        Assert.Null(Campaign().TargetFor(CommitteeKind.Village, 2027));
    }

    [Fact]
    public void KindSettings_Validated_DuplicateKindsDecreasingTargetsAndUnknownTemplate()
    {
        var campaign = Campaign() with
        {
            KindTemplates = [new KindTemplate(CommitteeKind.School, Schools.Pin()), new KindTemplate(CommitteeKind.School, Schools.Pin() with { Version = 9 })],
            KindTargets = [new KindTargetSeries(CommitteeKind.School, [new(2025, new Percentage(60)), new(2026, new Percentage(40))])],
        };

        var errors = CampaignValidator.Validate(campaign, catalog: TemplateCatalog.Embedded());

        Assert.Contains(errors, e => e.Path == "kindTemplates" && e.Code == "campaign.kind_duplicate");
        Assert.Contains(errors, e => e.Path == "kindTargets[0].yearTargets" && e.Code == "campaign.targets_decreasing");
        Assert.Contains(errors, e => e.Path == "kindTemplates[1].template" && e.Code == "template.not_found");
    }

    [Fact]
    public void KindSettings_NeedSchemaVersion2()
    {
        var errors = CampaignValidator.Validate(Campaign() with { SchemaVersion = 1 });

        Assert.Equal("campaign.schema_too_old", Assert.Single(errors).Code);
    }
}
