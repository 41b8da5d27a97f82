using GuanGong.Domain.Cases;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Statistics;

/// <summary>
/// Issue 15, rule 3: 达标率 = passed / assessed, 达标面 (创建覆盖率) = passed / established, and "assessed" is every unit
/// a reviewer has judged: a returned unit is assessed and not passed until it passes; a case closed at its rectification
/// deadline is assessed and not passed.
/// </summary>
public sealed class FiguresAndNamesTests
{
    /// <summary>梅州: 80 established, 67 assessed, 60 passed: 达标率 89.6% ("近90%"), 达标面 75.0%.</summary>
    [Fact]
    public void Meizhou_80Established67Assessed60Passed_PassRate89Point6_Coverage75Point0()
    {
        var tree = OrganisationTree.Build(
        [
            TreeBuilder.Committee("MZ", CommitteeLevel.City, null),
            TreeBuilder.Committee("MZ.SZ", CommitteeLevel.County, "MZ", CommitteeKind.CityDepartments),
            .. Enumerable.Range(1, 80).Select(i => TreeBuilder.Committee($"MZ.SZ.{i}", CommitteeLevel.Grassroots, "MZ.SZ", CommitteeKind.Department)),
        ]).Value;
        var cases = Enumerable.Range(1, 67).Select(i => new UnitCase(
            $"MZ.SZ.{i}",
            2025,
            i <= 60 ? new CaseState(CaseStatus.Passed, 1, 1, false)
            : i <= 64 ? new CaseState(CaseStatus.Failed, 1, 1, false)
            : i <= 66 ? new CaseState(CaseStatus.ReturnedForRectification, 1, 1, false)
            : new CaseState(CaseStatus.RectificationExpired, 1, 1, false)));

        var figures = PassRates.ForCampaignYear(tree, "MZ", CampaignBuilder.ThreeYear("MZ"), cases, 2025).Figures;

        Assert.Equal((80, 67, 60), (figures.Established, figures.Assessed, figures.Passed));
        Assert.Equal("89.6%", figures.PassRate.Display);
        Assert.Equal("75.0%", figures.Coverage.Display);
        Assert.Same(figures.PassedOfAssessed, figures.PassRate);
        Assert.Same(figures.PassedOfEstablished, figures.Coverage);
    }

    [Fact]
    public void Assessed_ReturnedUnit_IsAssessedAndNotPassedUntilItPasses()
    {
        var returned = CaseTransitions.Apply(CaseTransitions.Apply(CaseState.NewDraft(2), CaseEvent.Submit), CaseEvent.Return);
        var resubmitted = CaseTransitions.Apply(returned, CaseEvent.Resubmit);
        var reopened = CaseTransitions.Apply(resubmitted, CaseEvent.StartReview);

        Assert.Equal(UnitStatus.Returned, UnitStatuses.From(returned, round: 1));
        Assert.Equal(UnitStatus.Returned, UnitStatuses.From(resubmitted, round: 2));
        Assert.Equal(UnitStatus.Returned, UnitStatuses.From(reopened, round: 2));
        Assert.Equal(UnitStatus.Passed, UnitStatuses.From(CaseTransitions.Apply(CaseTransitions.Apply(reopened, CaseEvent.Approve), CaseEvent.Approve), round: 2));
        Assert.True(UnitStatuses.IsAssessed(UnitStatus.Returned));
    }

    [Fact]
    public void Assessed_CaseClosedAtItsRectificationDeadline_IsAssessedAndNotPassed()
    {
        var returned = CaseTransitions.Apply(CaseTransitions.Apply(CaseState.NewDraft(2), CaseEvent.Submit), CaseEvent.Return);

        var expired = CaseTransitions.Apply(returned, CaseEvent.ExpireRectification);

        Assert.Equal(CaseStatus.RectificationExpired, expired.Status);
        Assert.True(expired.IsDecided);
        Assert.Empty(CaseTransitions.AllowedEvents(expired));
        Assert.Equal(UnitStatus.Failed, UnitStatuses.From(expired, round: 1));
        Assert.True(UnitStatuses.IsAssessed(UnitStatuses.From(expired, round: 1)));
    }

    [Fact]
    public void Assessed_ReturningAWeakUnitInsteadOfFailingIt_DoesNotRaiseTheRate()
    {
        var tree = TreeBuilder.Standard();
        var rejected = new Dictionary<string, UnitStatus> { ["C.K.T1.U1"] = UnitStatus.Passed, ["C.K.T1.U2"] = UnitStatus.Failed };
        var returned = new Dictionary<string, UnitStatus> { ["C.K.T1.U1"] = UnitStatus.Passed, ["C.K.T1.U2"] = UnitStatus.Returned };

        var a = PassRates.ForSubtree(tree, "C.K.T1", rejected);
        var b = PassRates.ForSubtree(tree, "C.K.T1", returned);

        Assert.Equal("50.0%", a.PassRate.Display);
        Assert.Equal(a.PassRate, b.PassRate);
    }

    [Fact]
    public void Assessed_NotYetJudged_IsInProgressNotAssessed_WithdrawnBeforeJudgementNotAssessed()
    {
        var submitted = CaseTransitions.Apply(CaseState.NewDraft(2), CaseEvent.Submit);
        var forwarded = CaseTransitions.Apply(submitted, CaseEvent.Approve);

        Assert.Equal(UnitStatus.InProgress, UnitStatuses.From(submitted, round: 1));
        Assert.Equal(UnitStatus.InProgress, UnitStatuses.From(forwarded, round: 1));
        Assert.Equal(UnitStatus.NotAssessed, UnitStatuses.From(CaseTransitions.Apply(submitted, CaseEvent.Withdraw), round: 1));
        Assert.False(UnitStatuses.IsAssessed(UnitStatus.InProgress));
    }

    [Fact]
    public void Names_PassRateAndCoverage_UseTheDocumentsWords()
    {
        Assert.Equal("达标率", Wording.PassRate);
        Assert.Equal("达标面", Wording.Coverage);
        Assert.Equal("创建覆盖率", Wording.CoverageAlternative);
        Assert.Contains("参评", Wording.PassRateDefinition, StringComparison.Ordinal);
        Assert.Equal(("达标", "未达标"), (Wording.Status(UnitStatus.Passed), Wording.Status(UnitStatus.Failed)));
        Assert.Equal(("达标", "未达标"), (Wording.Verdict(GuanGong.Domain.Scoring.VerdictOutcome.Passed), Wording.Verdict(GuanGong.Domain.Scoring.VerdictOutcome.Failed)));
        Assert.All(Enum.GetValues<CaseStatus>(), s => Assert.DoesNotContain("通过", Wording.Status(s), StringComparison.Ordinal));
        Assert.All(Enum.GetValues<UnitStatus>(), s => Assert.DoesNotContain("通过", Wording.Status(s), StringComparison.Ordinal));
    }

    [Fact]
    public void Assessed_LegacySingleArgumentMapping_IsUnchangedForTheApp()
    {
        var returned = new CaseState(CaseStatus.ReturnedForRectification, 1, 2, false);

        Assert.Equal(UnitStatus.InProgress, UnitStatuses.From(returned));
        Assert.Equal(UnitStatus.Returned, UnitStatuses.From(returned, round: 1));
    }
}
