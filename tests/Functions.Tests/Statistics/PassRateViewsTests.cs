using GuanGong.Domain;
using GuanGong.Domain.Cases;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Statistics;
using GuanGong.Functions.Tests.Builders;

namespace GuanGong.Functions.Tests.Statistics;

public sealed class PassRateViewsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly Domain.Organisations.OrganisationTree Tree = TreeBuilder.Standard();

    [Fact]
    public void Compute_WithMemo_GivesWhatComputingWithoutGives()
    {
        var scope = Scope(Case(TreeBuilder.Unit1, CaseStatus.Passed), Case(TreeBuilder.Unit4, CaseStatus.UnderReview));
        var memo = new PassRateViews();
        StatisticsCalculator.Compute(scope, [], Now, 10, memo);

        var remembered = StatisticsCalculator.Compute(scope, [], Now, 10, memo);

        Assert.Equal(DomainJson.Serialize(StatisticsCalculator.Compute(scope, [], Now, 10)), DomainJson.Serialize(remembered));
    }

    [Fact]
    public void Compute_WithMemo_SameInputs_ReusesTheViews()
    {
        var memo = new PassRateViews();
        var first = StatisticsCalculator.Compute(Scope(Case(TreeBuilder.Unit1, CaseStatus.Passed)), [], Now, 10, memo);

        var second = StatisticsCalculator.Compute(Scope(Case(TreeBuilder.Unit1, CaseStatus.Passed)), [], Now.AddHours(1), 10, memo);

        Assert.Same(first.PassRates, second.PassRates);
        Assert.Equal(Now.AddHours(1), second.GeneratedAt);
    }

    [Fact]
    public void Compute_WithMemo_UnitStatusChanged_FiguresFollow()
    {
        var memo = new PassRateViews();
        var before = StatisticsCalculator.Compute(Scope(Case(TreeBuilder.Unit1, CaseStatus.UnderReview)), [], Now, 10, memo);

        var after = StatisticsCalculator.Compute(Scope(Case(TreeBuilder.Unit1, CaseStatus.Passed)), [], Now, 10, memo);

        Assert.Equal((0, 1), (before.PassRates.Passed, after.PassRates.Passed));
    }

    [Fact]
    public void Compute_WithMemo_OtherRootOrSettings_ComputedAfresh()
    {
        var memo = new PassRateViews();
        var scope = Scope(Case(TreeBuilder.Unit1, CaseStatus.Passed));
        var county = StatisticsCalculator.Compute(scope, [], Now, 10, memo);

        var township = StatisticsCalculator.Compute(scope with { Root = TreeBuilder.Township2 }, [], Now, 10, memo);
        var renamed = StatisticsCalculator.Compute(scope with { Campaign = scope.Campaign with { Settings = scope.Campaign.Settings with { Name = "改名" } } }, [], Now, 10, memo);

        Assert.Equal((1, 0), (county.PassRates.Passed, township.PassRates.Passed));
        Assert.NotSame(county.PassRates, renamed.PassRates);
    }

    private static CaseRecord Case(string unit, CaseStatus status) => new CaseBuilder(Tree, "c1", 2026, unit).InState(status).Build();

    private static CampaignScope Scope(params CaseRecord[] cases) =>
        new(CampaignBuilder.Launched("c1"), Tree, TreeBuilder.County, 2026, cases.ToDictionary(c => c.UnitCode, StringComparer.Ordinal));
}
