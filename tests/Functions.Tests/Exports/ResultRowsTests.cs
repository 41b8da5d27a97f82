using GuanGong.Domain.Cases;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Exports;
using GuanGong.Functions.Statistics;
using GuanGong.Functions.Tests.Builders;

namespace GuanGong.Functions.Tests.Exports;

public sealed class ResultRowsTests
{
    [Fact]
    public void Build_VerdictWithoutAReviewTotal_UsesTheVerdictsTotalAndTheCaseUpdateTime()
    {
        var record = new CaseBuilder(TreeBuilder.Standard(), "c1", 2026, TreeBuilder.Unit1)
            .SelfScoring(4m)
            .InState(CaseStatus.Passed, 2)
            .WithVerdict()
            .UpdatedAt(new DateTimeOffset(2026, 5, 31, 16, 5, 0, TimeSpan.Zero))
            .Build();

        var row = ResultRows.Build(Scope(record)).Single(r => r.UnitCode == TreeBuilder.Unit1);

        Assert.Equal(80m, row.FinalTotal);
        Assert.Equal("未达标", row.Verdict);
        Assert.Equal("2026-06-01 00:05", row.DecidedAt);
    }

    [Fact]
    public void Build_EscalatedOpenCase_IsMarkedAndHasNoDecisionTime()
    {
        var record = new CaseBuilder(TreeBuilder.Standard(), "c1", 2026, TreeBuilder.Unit2).InState(CaseStatus.UnderReview, 2, escalated: true).Build();

        var row = ResultRows.Build(Scope(record)).Single(r => r.UnitCode == TreeBuilder.Unit2);

        Assert.True(row.Escalated);
        Assert.Equal(string.Empty, row.DecidedAt);
        Assert.Equal("审核中", row.Status);
        Assert.Equal(["LG-T1-V2", "南村关工委", "东镇关工委", "村", "审核中", "100", "", "", "是", ""], ResultRows.AsText(row));
    }

    [Fact]
    public void Build_TownshipRoot_ListsOnlyItsUnits()
    {
        var rows = ResultRows.Build(Scope() with { Root = TreeBuilder.Township1 });

        Assert.Equal([TreeBuilder.Unit1, TreeBuilder.Unit2, TreeBuilder.Unit3], rows.Select(r => r.UnitCode).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("未参评", r.Status));
    }

    private static CampaignScope Scope(params CaseRecord[] cases) => new(
        CampaignBuilder.Launched("c1"),
        TreeBuilder.Standard(),
        TreeBuilder.County,
        2026,
        cases.ToDictionary(c => c.UnitCode, StringComparer.Ordinal));
}
