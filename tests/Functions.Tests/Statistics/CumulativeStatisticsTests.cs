using GuanGong.Domain.Cases;
using GuanGong.Domain.Organisations;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Statistics;
using GuanGong.Functions.Tests.Builders;

namespace GuanGong.Functions.Tests.Statistics;

/// <summary>
/// Issue 15's figures as the statistics function computes them: cumulative standing over the campaign's years
/// (三年创建), 达标率 = passed / assessed, 达标面 = passed / established, a returned or expired case assessed and not passed.
/// </summary>
public sealed class CumulativeStatisticsTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_UnitPassedInYearOne_StaysPassedInYearTwo()
    {
        var tree = TreeBuilder.Standard();
        var year1 = new CaseBuilder(tree, "c1", 2026, TreeBuilder.Unit1).InState(CaseStatus.Passed, 2).Build();
        var scope = new CampaignScope(CampaignBuilder.Launched("c1"), tree, TreeBuilder.County, 2027, new Dictionary<string, CaseRecord>()) { EarlierCases = [year1] };

        var statistics = StatisticsCalculator.Compute(scope, [], Now, 10);

        Assert.Equal(4, statistics.PassRates.Established);
        Assert.Equal(1, statistics.PassRates.Assessed);
        Assert.Equal(1, statistics.PassRates.Passed);
        Assert.Equal("100.0%", statistics.PassRates.PassRate.Display);
        Assert.Equal("25.0%", statistics.PassRates.Coverage.Display);

        // The 2027 target (80% of 4 = 4 units) is measured against the cumulative count.
        Assert.Equal(1, statistics.PassRates.Target!.Passed);
        Assert.Equal(4, statistics.PassRates.Target.Required);
    }

    [Fact]
    public void Compute_YearTwoCaseUnderWay_KeepsTheYearOnePassUntilDecided()
    {
        var tree = TreeBuilder.Standard();
        var year1 = new CaseBuilder(tree, "c1", 2026, TreeBuilder.Unit1).InState(CaseStatus.Passed, 2).Build();
        var reExamination = new CaseBuilder(tree, "c1", 2027, TreeBuilder.Unit1).InState(CaseStatus.UnderReview, 1).Build();
        var scope = new CampaignScope(CampaignBuilder.Launched("c1"), tree, TreeBuilder.County, 2027, new Dictionary<string, CaseRecord> { [TreeBuilder.Unit1] = reExamination }) { EarlierCases = [year1] };

        var statistics = StatisticsCalculator.Compute(scope, [], Now, 10);

        Assert.Equal(1, statistics.PassRates.Passed);
        Assert.Equal(0, statistics.PassRates.InProgress);
    }

    [Fact]
    public void Compute_RectificationExpired_CountsAsAssessedNotPassed()
    {
        var tree = TreeBuilder.Standard();
        var passed = new CaseBuilder(tree, "c1", 2026, TreeBuilder.Unit1).InState(CaseStatus.Passed, 2).Build();
        var expired = new CaseBuilder(tree, "c1", 2026, TreeBuilder.Unit2).InState(CaseStatus.RectificationExpired, 1).Build() with { Round = 1 };
        var scope = new CampaignScope(CampaignBuilder.Launched("c1"), tree, TreeBuilder.County, 2026, new Dictionary<string, CaseRecord> { [passed.UnitCode] = passed, [expired.UnitCode] = expired });

        var statistics = StatisticsCalculator.Compute(scope, [], Now, 10);

        Assert.Equal(2, statistics.PassRates.Assessed);
        Assert.Equal(1, statistics.PassRates.Passed);
        Assert.Equal("50.0%", statistics.PassRates.PassRate.Display);
    }

    [Fact]
    public void Compute_MeizhouFigures_PassRate89Point6AndCoverage75Point0()
    {
        var (tree, scope) = Meizhou();

        var statistics = StatisticsCalculator.Compute(scope, [], Now, 10);

        Assert.Equal(80, statistics.PassRates.Established);
        Assert.Equal(67, statistics.PassRates.Assessed);
        Assert.Equal(60, statistics.PassRates.Passed);
        Assert.Equal(89.6m, statistics.PassRates.PassRate.Percent);
        Assert.Equal("89.6%", statistics.PassRates.PassRate.Display);
        Assert.Equal(75.0m, statistics.PassRates.Coverage.Percent);
        Assert.Equal("75.0%", statistics.PassRates.Coverage.Display);
        Assert.Equal(statistics.PassRates.PassedOfAssessed, statistics.PassRates.PassRate);
        Assert.Equal("机关", Assert.Single(statistics.ByKind).KindName);
        Assert.NotNull(tree);
    }

    /// <summary>
    /// 梅州's city departments: 80 committees established, 67 assessed (60 passed, 4 failed, 2 returned, 1 closed at its
    /// rectification deadline), 13 with no case. Returning or letting a case expire does not take it out of "assessed".
    /// </summary>
    internal static (OrganisationTree Tree, CampaignScope Scope) Meizhou()
    {
        var committees = new List<Committee>
        {
            new("MZ", "梅州市关工委", CommitteeLevel.City, CommitteeKind.City, null, [new Reviewer("市审核", "city@mz.example.cn")], null),
            new("MZ-ZS", "市直机关工委关工委", CommitteeLevel.County, CommitteeKind.CityDepartments, "MZ", [new Reviewer("市直审核", "zs@mz.example.cn")], null),
            new("MZ-ZS-T", "市直机关关工委分会", CommitteeLevel.Township, CommitteeKind.Township, "MZ-ZS", [new Reviewer("分会审核", "t@mz.example.cn")], null),
        };
        committees.AddRange(Enumerable.Range(1, 80).Select(i => new Committee($"MZ-D{i:D2}", $"市直单位{i}关工委", CommitteeLevel.Grassroots, CommitteeKind.Department, "MZ-ZS-T", [new Reviewer("联系人", $"d{i}@mz.example.cn")], null)));
        var tree = OrganisationTree.Build(committees).Value;
        var cases = new Dictionary<string, CaseRecord>(StringComparer.Ordinal);
        for (var i = 1; i <= 67; i++)
        {
            var (status, stage, round) = i switch
            {
                <= 60 => (CaseStatus.Passed, 2, 1),
                <= 64 => (CaseStatus.Failed, 2, 1),
                <= 66 => (CaseStatus.ReturnedForRectification, 1, 1),
                _ => (CaseStatus.RectificationExpired, 1, 1),
            };
            var record = new CaseBuilder(tree, "mz", 2026, $"MZ-D{i:D2}").InState(status, stage).Build() with { Round = round };
            cases[record.UnitCode] = record;
        }

        var campaign = CampaignBuilder.Launched("mz") with { Settings = CampaignBuilder.Launched("mz").Settings with { OrganiserCode = "MZ", UnitTargetYears = [] } };
        return (tree, new CampaignScope(campaign, tree, "MZ", 2026, cases));
    }
}
