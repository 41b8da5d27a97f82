using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Standards;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Campaigns;

public sealed class CampaignSettingsTests
{
    [Fact]
    public void Validate_ThreeYearCampaign_IsValid()
    {
        Assert.Empty(CampaignValidator.Validate(CampaignBuilder.ThreeYear(), TreeBuilder.Standard(), TemplateCatalog.Embedded()));
    }

    [Fact]
    public void TargetFor_Year_IsLatestCumulativeTarget()
    {
        var campaign = CampaignBuilder.ThreeYear();

        Assert.Equal(0m, campaign.TargetFor(2024).Value);
        Assert.Equal(60m, campaign.TargetFor(2026).Value);
        Assert.Equal(80m, campaign.TargetFor(2030).Value);
    }

    [Fact]
    public void LadderForStage_ShorterListThanStages_LastApplies()
    {
        var campaign = CampaignBuilder.ThreeYear() with { ReviewStageCount = 3 };

        Assert.Equal(5, campaign.LadderForStage(1).ReviewerWorkingDays);
        Assert.Equal(10, campaign.LadderForStage(3).ReviewerWorkingDays);
        Assert.Throws<ArgumentOutOfRangeException>(() => campaign.LadderForStage(4));
    }

    [Fact]
    public void Validate_DecreasingTargetsAndYearOutsidePeriod_Reported()
    {
        var campaign = CampaignBuilder.ThreeYear() with
        {
            YearTargets = [new(2025, new Percentage(50)), new(2026, new Percentage(40)), new(2029, new Percentage(80))],
        };

        var errors = CampaignValidator.Validate(campaign);

        Assert.Equal(["yearTargets[2].year", "yearTargets"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Validate_UnitTargetYears_CheckedAgainstTreeAndPeriod()
    {
        var campaign = CampaignBuilder.ThreeYear() with
        {
            UnitTargetYears = [new("C.K.T1.U1", 2026), new("NOPE", 2026), new("C.K.T1.U2", 2024), new("C.K.T1.U1", 2027)],
        };

        var errors = CampaignValidator.Validate(campaign, TreeBuilder.Standard());

        Assert.Equal(["unitTargetYears[1].unitCode", "unitTargetYears[2].year", "unitTargetYears[3].unitCode"], errors.Select(e => e.Path));
        Assert.Equal(2026, campaign.TargetYearOf("C.K.T1.U1"));
    }

    [Fact]
    public void Validate_BadLadderAndEditedTemplate_Reported()
    {
        var campaign = CampaignBuilder.ThreeYear() with
        {
            StageLadders = [GuanGong.Domain.Deadlines.EscalationLadder.Default with { ReviewerWorkingDays = 0 }],
            Template = CampaignBuilder.ThreeYear().Template with { ContentHash = new string('0', 64) },
        };

        var errors = CampaignValidator.Validate(campaign, catalog: TemplateCatalog.Embedded());

        Assert.Contains(errors, e => e.Path == "stageLadders[0].reviewerWorkingDays");
        Assert.Contains(errors, e => e.Code == "template.content_changed");
    }

    [Fact]
    public void Json_RoundTrip_KeepsSettingsAndWritesPercentagesAsNumbers()
    {
        var campaign = CampaignBuilder.ThreeYear() with { UnitTargetYears = [new("C.K.T1.U1", 2026)] };

        var json = DomainJson.Serialize(campaign);
        var back = DomainJson.Deserialize<CampaignSettings>(json);

        Assert.Contains("\"townshipUnitShare\":80", json, StringComparison.Ordinal);
        Assert.Contains("\"reminderTime\":\"09:00:00\"", json, StringComparison.Ordinal);
        Assert.Equal(campaign.Template, back.Template);
        Assert.Equal(campaign.YearTargets, back.YearTargets);
        Assert.Equal(campaign.TownshipUnitShare, back.TownshipUnitShare);
        Assert.Equal(campaign.LadderForStage(2).ReviewerWorkingDays, back.LadderForStage(2).ReviewerWorkingDays);
        Assert.Empty(CampaignValidator.Validate(back));
    }

    [Fact]
    public void Json_PercentageAbove100_IsRefused()
    {
        var json = DomainJson.Serialize(CampaignBuilder.ThreeYear()).Replace("\"lookBackShare\":10", "\"lookBackShare\":110", StringComparison.Ordinal);

        Assert.Throws<System.Text.Json.JsonException>(() => DomainJson.Deserialize<CampaignSettings>(json));
    }

    [Fact]
    public void LadderFor_VerdictStageOfAnyChain_TakesTheVerdictLadder()
    {
        var tree = TreeBuilder.Standard();
        var campaign = CampaignBuilder.ThreeYear();
        var township = tree.AcceptanceChain("C.K.T1").Value;
        var unit = tree.AcceptanceChain("C.K.T1.U1").Value;

        Assert.Equal(10, campaign.LadderFor(township, 1).ReviewerWorkingDays); // the county decides a township's case
        Assert.Equal(5, campaign.LadderFor(unit, 1).ReviewerWorkingDays);
        Assert.Equal(10, campaign.LadderFor(unit, 2).ReviewerWorkingDays);
        Assert.Throws<ArgumentOutOfRangeException>(() => campaign.LadderFor(township, 2));
    }

    [Fact]
    public void Validate_TownshipRuleKinds_GrassrootsKindsOnceEach_NeedSchema2()
    {
        var campaign = CampaignBuilder.ThreeYear().Upgrade() with
        {
            TownshipRuleKinds = [GuanGong.Domain.Organisations.CommitteeKind.Village, GuanGong.Domain.Organisations.CommitteeKind.Township, GuanGong.Domain.Organisations.CommitteeKind.Village],
        };

        var errors = CampaignValidator.Validate(campaign);

        Assert.Equal(["campaign.rule_kind_not_grassroots", "campaign.rule_kind_duplicate"], errors.Select(e => e.Code));
        Assert.Equal("campaign.schema_too_old", Assert.Single(CampaignValidator.Validate(CampaignBuilder.ThreeYear() with { SchemaVersion = 1, StandardName = "六好" })).Code);
        Assert.Equal("campaign.schema_unsupported", Assert.Single(CampaignValidator.Validate(CampaignBuilder.ThreeYear() with { SchemaVersion = 3 })).Code);
    }
}
