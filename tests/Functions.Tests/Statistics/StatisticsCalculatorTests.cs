using GuanGong.Domain.Cases;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Statistics;
using GuanGong.Functions.Tests.Builders;

namespace GuanGong.Functions.Tests.Statistics;

public sealed class StatisticsCalculatorTests
{
    // Monday 2 March 2026, 10:00 China time.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_TaskDueLater_IsNeitherLateNorStuck()
    {
        var scope = Scope(new CaseBuilder(TreeBuilder.Standard(), "c1", 2026, TreeBuilder.Unit1).WithTask(TreeBuilder.Township1, Now.AddDays(-1), Now.AddDays(6)).Build());

        var statistics = StatisticsCalculator.Compute(scope, [], Now, 10);

        var township = statistics.Delays.Single(d => d.Level == "township");
        Assert.Equal(1, township.WithReviewer);
        Assert.Empty(township.LateCaseIds);
        Assert.Empty(township.StuckCaseIds);
    }

    [Fact]
    public void Compute_DueInstantReached_IsLate()
    {
        var record = new CaseBuilder(TreeBuilder.Standard(), "c1", 2026, TreeBuilder.Unit1).WithTask(TreeBuilder.Township1, Now.AddDays(-7), Now).Build();

        var statistics = StatisticsCalculator.Compute(Scope(record), [], Now, 10);

        Assert.Equal([record.CaseId], statistics.Delays.Single(d => d.Level == "township").LateCaseIds);
    }

    [Fact]
    public void Compute_ReturnedCaseWithAStaleTask_IsNotWithAReviewerAndCountsAsAssessedNotPassed()
    {
        var record = new CaseBuilder(TreeBuilder.Standard(), "c1", 2026, TreeBuilder.Unit1)
            .InState(CaseStatus.ReturnedForRectification, 1)
            .WithTask(TreeBuilder.Township1, Now.AddDays(-30), Now.AddDays(-20))
            .Build();

        var statistics = StatisticsCalculator.Compute(Scope(record), [], Now, 10);

        Assert.All(statistics.Delays, d => Assert.Equal(0, d.WithReviewer));
        // Issue 15: a returned unit is assessed and not passed (达标率's denominator), not "in progress".
        Assert.Equal(0, statistics.PassRates.InProgress);
        Assert.Equal(1, statistics.PassRates.Assessed);
        Assert.Equal(0, statistics.PassRates.Passed);
    }

    [Fact]
    public void Compute_YearBeforeAnyTarget_HasNoTargetProgress()
    {
        var statistics = StatisticsCalculator.Compute(Scope() with { Year = 2025 }, [], Now, 10);

        Assert.Null(statistics.PassRates.Target);
    }

    private static CampaignScope Scope(params CaseRecord[] cases) => new(
        CampaignBuilder.Launched("c1"),
        TreeBuilder.Standard(),
        TreeBuilder.County,
        2026,
        cases.ToDictionary(c => c.UnitCode, StringComparer.Ordinal));
}
