using GuanGong.Domain.Organisations;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Scoring;

public sealed class TownshipRuleTests
{
    private static readonly OrganisationTree Tree = new TreeBuilder().City("C").County("C.K", "C").Township("T", "C.K").Units("T", 10).Build();

    [Fact]
    public void Evaluate_UnitsAt70Percent_NotRatedUnder80PercentRuleEvenAt98Points()
    {
        var template = TemplateLoader.GetEmbedded(StandardTemplateIds.SixGood);
        var townshipVerdict = VerdictCalculator.Decide(template, new SheetBuilder(template).BaseTotal(98).Build());

        var rating = TownshipRule.Evaluate(Tree, "T", townshipVerdict.Passed, Passed(7), new Percentage(80));

        Assert.True(townshipVerdict.Passed);
        Assert.False(rating.Rated);
        Assert.Equal(7, rating.UnitsPassed);
        Assert.Equal(10, rating.UnitsTotal);
        Assert.Equal(8, rating.UnitsRequired);
        Assert.Single(rating.Reasons);
    }

    [Fact]
    public void Evaluate_ReEvaluatedWhenAnotherUnitPasses_BecomesRated()
    {
        Assert.False(TownshipRule.Evaluate(Tree, "T", true, Passed(7), new Percentage(80)).Rated);
        Assert.True(TownshipRule.Evaluate(Tree, "T", true, Passed(8), new Percentage(80)).Rated);
    }

    [Fact]
    public void Evaluate_TownshipItselfFailed_NotRatedEvenWithAllUnits()
    {
        var rating = TownshipRule.Evaluate(Tree, "T", false, Passed(10), new Percentage(80));

        Assert.False(rating.Rated);
        Assert.False(rating.SelfPassed);
    }

    [Fact]
    public void Evaluate_TownshipNotYetDecided_NotRated()
    {
        Assert.False(TownshipRule.Evaluate(Tree, "T", null, Passed(10), new Percentage(80)).Rated);
    }

    [Fact]
    public void Evaluate_ExactShare_UsesExactArithmetic()
    {
        var tree = new TreeBuilder().City("C").County("C.K", "C").Township("T", "C.K").Units("T", 70).Build();
        var passed = Enumerable.Range(1, 56).Select(i => $"T.U{i}").ToHashSet();

        Assert.True(TownshipRule.Evaluate(tree, "T", true, passed, new Percentage(80)).Rated);
    }

    [Fact]
    public void Evaluate_NotATownship_Throws()
    {
        Assert.Throws<ArgumentException>(() => TownshipRule.Evaluate(Tree, "C.K", true, Passed(10), new Percentage(80)));
    }

    [Fact]
    public void TownshipOf_UnitUnderTownship_IsTheTownship_OtherwiseNull()
    {
        Assert.Equal("T", TownshipRule.TownshipOf(Tree, "T.U3")!.Code);
        Assert.Null(TownshipRule.TownshipOf(Tree, "T"));
    }

    [Fact]
    public void Evaluate_TownshipWithoutUnits_OnlyItsOwnVerdictCounts()
    {
        var tree = new TreeBuilder().City("C").County("C.K", "C").Township("T", "C.K").Build();

        Assert.True(TownshipRule.Evaluate(tree, "T", true, new HashSet<string>(), new Percentage(80)).Rated);
    }

    [Fact]
    public void EvaluateAll_County_RatesEachTownship()
    {
        var tree = new TreeBuilder().City("C").County("K", "C").Township("T1", "K").Units("T1", 5).Township("T2", "K").Units("T2", 5).Build();
        var passed = new[] { "T1.U1", "T1.U2", "T1.U3", "T1.U4", "T2.U1" }.ToHashSet();

        var ratings = TownshipRule.EvaluateAll(tree, "K", new Dictionary<string, bool> { ["T1"] = true, ["T2"] = true }, passed, new Percentage(80));

        Assert.Equal([("T1", true), ("T2", false)], ratings.Select(r => (r.TownshipCode, r.Rated)));
    }

    private static HashSet<string> Passed(int count) => Enumerable.Range(1, count).Select(i => $"T.U{i}").ToHashSet();

    [Fact]
    public void CountedKinds_DefaultVillagesCommunitiesSchools_EnterprisesAndDepartmentsNotCounted()
    {
        // 锡山: enterprises sit under the towns; counting them would sink every town.
        var tree = new TreeBuilder().City("C").County("C.K", "C").Township("T", "C.K")
            .Units("T", 4).Unit("T.S", "T", CommitteeKind.School).Unit("T.J", "T", CommitteeKind.Department)
            .Build();
        var withEnterprises = OrganisationTree.Build([.. tree.Committees, .. Enumerable.Range(1, 20).Select(i => TreeBuilder.Committee($"T.E{i}", CommitteeLevel.Grassroots, "T", CommitteeKind.Enterprise))]).Value;
        var passed = new HashSet<string> { "T.U1", "T.U2", "T.U3", "T.S" };

        var rating = TownshipRule.Evaluate(withEnterprises, "T", true, passed, new Percentage(80), CampaignBuilder.ThreeYear().CountedKinds);

        Assert.True(rating.Rated);
        Assert.Equal((4, 5), (rating.UnitsPassed, rating.UnitsTotal));
        Assert.Equal([CommitteeKind.Village, CommitteeKind.Community, CommitteeKind.School], rating.CountedKinds);
        Assert.Equal("村、社区、学校", rating.CountedKindsText);
    }

    [Fact]
    public void CountedKinds_ACampaignSetting_TheResultSaysWhichKindsWereCounted()
    {
        var tree = new TreeBuilder().City("C").County("C.K", "C").Township("T", "C.K").Units("T", 2).Unit("T.E1", "T", CommitteeKind.Enterprise).Build();
        var campaign = CampaignBuilder.ThreeYear() with { TownshipRuleKinds = [CommitteeKind.Village, CommitteeKind.Enterprise] };

        var rating = TownshipRule.Evaluate(tree, "T", true, new HashSet<string> { "T.U1", "T.U2" }, new Percentage(80), campaign.CountedKinds);

        Assert.False(rating.Rated);
        Assert.Equal((2, 3), (rating.UnitsPassed, rating.UnitsTotal));
        Assert.Equal("村、企业", rating.CountedKindsText);
        Assert.Contains("所属村、企业达标 2/3", rating.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void CountedKinds_OldSignature_KeepsTheAppsCountOfEveryGrassrootsUnit()
    {
        var tree = new TreeBuilder().City("C").County("C.K", "C").Township("T", "C.K").Units("T", 1).Unit("T.E1", "T", CommitteeKind.Enterprise).Build();

        var rating = TownshipRule.Evaluate(tree, "T", true, new HashSet<string> { "T.U1" }, new Percentage(80));

        Assert.False(rating.Rated);
        Assert.Equal(2, rating.UnitsTotal);
        Assert.Equal("全部基层单位", rating.CountedKindsText);
    }
}
