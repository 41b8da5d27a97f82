using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Scoring;

public sealed class VerdictCalculatorTests
{
    [Fact]
    public void Decide_AtThreshold_Passes()
    {
        var verdict = Decide(StandardTemplateIds.FiveGoodA, b => b.BaseTotal(85));

        Assert.True(verdict.Passed);
        Assert.Equal(85, verdict.Summary.Total);
    }

    [Fact]
    public void Decide_JustBelowThreshold_Fails()
    {
        var verdict = Decide(StandardTemplateIds.FiveGoodA, b => b.BaseTotal(84.5m));

        Assert.False(verdict.Passed);
        Assert.Equal(VerdictFailureKind.BelowThreshold, Assert.Single(verdict.Failures).Kind);
    }

    [Fact]
    public void Decide_CityAwardBonus_LiftsOverTheLine()
    {
        var verdict = Decide(StandardTemplateIds.FiveGoodA, b => b.BaseTotal(82).Bonus("bonus-city-award", 3));

        Assert.True(verdict.Passed);
        Assert.Equal(85, verdict.Summary.Total);
    }

    [Fact]
    public void Decide_BonusAboveCap_IsCapped()
    {
        var verdict = Decide(StandardTemplateIds.FiveGoodA, b => b.Bonus("bonus-city-award", 3).Bonus("bonus-province-award", 5).Bonus("bonus-promoted", 2));

        Assert.Equal(10, verdict.Summary.BonusClaimed);
        Assert.Equal(5, verdict.Summary.BonusAwarded);
        Assert.Equal(105, verdict.Summary.Total);
    }

    [Fact]
    public void Decide_AnyFiveHavesNo_FailsWhateverThePoints()
    {
        var verdict = Decide(StandardTemplateIds.FiveHavesFiveGoods, b => b.NotMet("have-funds").Bonus("bonus-city-award", 3));

        Assert.False(verdict.Passed);
        Assert.Equal(100, verdict.Summary.BaseTotal);
        var failure = Assert.Single(verdict.Failures);
        Assert.Equal(VerdictFailureKind.PreconditionNotMet, failure.Kind);
        Assert.Equal("have-funds", failure.SubjectId);
    }

    [Fact]
    public void Decide_FiveHavesOnly_PassesWhenAllMet()
    {
        Assert.True(Decide(StandardTemplateIds.FiveHaves, b => b).Passed);
        Assert.False(Decide(StandardTemplateIds.FiveHaves, b => b.NotMet("have-office")).Passed);
    }

    [Fact]
    public void Decide_CriterionBelowMinimum_FailsEvenAboveThreshold()
    {
        // Six-Good: leadership (20 points) needs at least 12.
        var verdict = Decide(StandardTemplateIds.SixGood, b => b
            .Score("leadership-agenda", 1)
            .Score("leadership-members", 1)
            .Score("leadership-meetings", 5)
            .Score("leadership-plan", 4));

        Assert.Equal(91, verdict.Summary.Total);
        var failure = Assert.Single(verdict.Failures);
        Assert.Equal(VerdictFailureKind.CriterionBelowMinimum, failure.Kind);
        Assert.Equal("leadership", failure.SubjectId);
    }

    [Fact]
    public void Decide_SeveralScoringFailures_ListsThemAll()
    {
        var verdict = Decide(StandardTemplateIds.FiveHavesFiveGoods, b => b.BaseTotal(50));

        // Leadership 0 of 10 (minimum 6), organisation 10 of 50 (minimum 30), total 50 below 85.
        Assert.Equal(
            [VerdictFailureKind.CriterionBelowMinimum, VerdictFailureKind.CriterionBelowMinimum, VerdictFailureKind.BelowThreshold],
            verdict.Failures.Select(f => f.Kind));
    }

    [Fact]
    public void Decide_PreconditionsNotMet_GateComesFirstAndScoringMayStop()
    {
        var template = TemplateLoader.GetEmbedded(StandardTemplateIds.FiveHavesFiveGoods, 1);
        var sheet = new SheetBuilder(template).NotMet("have-team").NotMet("have-office").Build() with { Items = [] };

        Assert.Empty(ScoreSheetValidator.Validate(sheet, template));
        var verdict = VerdictCalculator.Decide(template, sheet);

        Assert.Equal(["have-team", "have-office"], verdict.Failures.Select(f => f.SubjectId));
        Assert.All(verdict.Failures, f => Assert.Equal(VerdictFailureKind.PreconditionNotMet, f.Kind));
        Assert.Equal(0, verdict.Summary.BaseTotal);
    }

    [Fact]
    public void Decide_InvalidSheet_Throws()
    {
        var template = TemplateLoader.GetEmbedded(StandardTemplateIds.FiveGoodA, 1);
        var sheet = new SheetBuilder(template).Build();

        Assert.Throws<ArgumentException>(() => VerdictCalculator.Decide(template, sheet with { Items = [] }));
    }

    private static Verdict Decide(string templateId, Func<SheetBuilder, SheetBuilder> configure)
    {
        var template = TemplateLoader.GetEmbedded(templateId, 1);
        return VerdictCalculator.Decide(template, configure(new SheetBuilder(template)).Build());
    }
}
