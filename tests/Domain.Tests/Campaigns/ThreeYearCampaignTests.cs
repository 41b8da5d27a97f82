using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Cases;
using GuanGong.Domain.LookBack;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Statistics;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Campaigns;

/// <summary>
/// Issue 15, rule 1: three-year campaigns (三年创建). The standing is the latest decided case, passed stays passed until a
/// look-back revokes it, each year's figures are cumulative against that year's cumulative target, a launch invites the
/// units due and not yet passed, and target years change with an audit record.
/// </summary>
public sealed class ThreeYearCampaignTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// County K runs the campaign with no city above it. T1 has four villages and an enterprise, T2 two schools and a
    /// community: eight grassroots units established.
    /// </summary>
    private static OrganisationTree Tree() =>
        new TreeBuilder()
            .County("K", parent: null)
            .Township("K.T1", "K").Units("K.T1", 4).Unit("K.T1.E1", "K.T1", CommitteeKind.Enterprise)
            .Township("K.T2", "K").Unit("K.T2.S1", "K.T2", CommitteeKind.School).Unit("K.T2.S2", "K.T2", CommitteeKind.School)
            .Unit("K.T2.C1", "K.T2", CommitteeKind.Community)
            .Build();

    private static CampaignSettings Campaign() => CampaignBuilder.ThreeYear("K") with
    {
        UnitTargetYears =
        [
            new("K.T1", 2025), new("K.T2", 2025),
            new("K.T1.U1", 2025), new("K.T1.U2", 2025), new("K.T2.S1", 2025),
            new("K.T1.U3", 2026), new("K.T2.S2", 2026),
            new("K.T1.U4", 2027), new("K.T1.E1", 2027), new("K.T2.C1", 2027),
        ],
    };

    private static UnitCase Passed(string unit, int year, int stages = 2) => new(unit, year, new CaseState(CaseStatus.Passed, stages, stages, false));

    private static UnitCase Failed(string unit, int year, int stages = 2) => new(unit, year, new CaseState(CaseStatus.Failed, stages, stages, false));

    [Fact]
    public void Standing_PassedInYear1_StaysPassedInYears2And3()
    {
        var cases = new[] { Passed("U", 2025) };

        Assert.Equal(UnitStatus.Passed, Standings.Of("U", cases, 2026).Status);
        Assert.Equal(UnitStatus.Passed, Standings.Of("U", cases, 2027).Status);
        Assert.Equal(2025, Standings.Of("U", cases, 2027).DecidedYear);
    }

    [Fact]
    public void Standing_IsTheLatestDecidedCase_AnOpenReExaminationKeepsPassed()
    {
        var reExamination = new UnitCase("U", 2026, new CaseState(CaseStatus.UnderReview, 1, 2, false));

        Assert.Equal(UnitStatus.Passed, Standings.Of("U", [Passed("U", 2025), reExamination], 2026).Status);
        Assert.Equal(UnitStatus.Failed, Standings.Of("U", [Passed("U", 2025), Failed("U", 2026)], 2026).Status);
        Assert.Equal(UnitStatus.Passed, Standings.Of("U", [Failed("U", 2025), Passed("U", 2026)], 2026).Status);
        Assert.Equal(UnitStatus.Failed, Standings.Of("U", [Failed("U", 2025), Passed("U", 2026)], 2025).Status);
    }

    [Fact]
    public void Standing_LookBackOrdersRectification_ReturnedFromTheLookBackYearPassedBefore()
    {
        var ordered = new UnitCase("U", 2025, new CaseState(CaseStatus.ReturnedForRectification, 2, 2, false), 1) { LookBackInYear = 2026 };

        Assert.Equal(UnitStatus.Passed, Standings.Of("U", [ordered], 2025).Status);
        Assert.Equal(UnitStatus.Returned, Standings.Of("U", [ordered], 2026).Status);
        Assert.Equal(UnitStatus.Failed, Standings.Of("U", [ordered with { State = new CaseState(CaseStatus.RectificationExpired, 2, 2, false) }], 2026).Status);
        Assert.Equal(UnitStatus.Passed, Standings.Of("U", [ordered with { State = new CaseState(CaseStatus.Passed, 2, 2, false) }], 2026).Status);
    }

    [Fact]
    public void Standing_PassedUntilALookBackRevokesIt_CountedFromTheYearOfTheRevocation()
    {
        var revoked = new UnitCase("U", 2025, new CaseState(CaseStatus.Revoked, 2, 2, false)) { RevokedInYear = 2026 };

        Assert.Equal(UnitStatus.Passed, Standings.Of("U", [revoked], 2025).Status);
        Assert.Equal(UnitStatus.Revoked, Standings.Of("U", [revoked], 2026).Status);
        Assert.True(Standings.Of("U", [revoked], 2026).IsAssessed);
    }

    [Fact]
    public void YearFigures_CompareCumulativeStandingWithThatYearsCumulativeTarget()
    {
        var tree = Tree();
        var cases = new[] { Passed("K.T1.U1", 2025), Passed("K.T1.U2", 2025), Passed("K.T1.U3", 2026), Passed("K.T2.S1", 2026), Passed("K.T2.S2", 2026) };

        var year1 = PassRates.ForCampaignYear(tree, "K", Campaign(), cases, 2025);
        var year2 = PassRates.ForCampaignYear(tree, "K", Campaign(), cases, 2026);

        Assert.Equal((30m, 2, 3, false), (year1.Target.Value, year1.Figures.Passed, year1.Figures.Progress!.Required, year1.Figures.Progress.Met));
        Assert.Equal((60m, 5, 5, true), (year2.Target.Value, year2.Figures.Passed, year2.Figures.Progress!.Required, year2.Figures.Progress.Met));
    }

    [Fact]
    public void Launch_InvitesUnitsWhoseTargetYearHasComeAndThatHaveNotPassed()
    {
        var tree = Tree();
        var standings = Standings.AsOf([Passed("K.T1.U1", 2025), Failed("K.T1.U2", 2025)], 2026);

        var plan = YearLaunch.Plan(tree, Campaign(), standings, 2026);

        Assert.Equal(["K.T1", "K.T1.U2", "K.T1.U3", "K.T2", "K.T2.S1", "K.T2.S2"], plan.InvitedCodes);
        Assert.Contains(new NotInvited("K.T1.U1", NotInvitedReason.AlreadyPassed), plan.NotInvited);
        Assert.Contains(new NotInvited("K.T1.E1", NotInvitedReason.DueLater), plan.NotInvited);
        Assert.DoesNotContain(plan.Invited, i => i.UnitCode == "K");
    }

    [Fact]
    public void Launch_UnitWithoutTargetYear_IsInvitedUntilItPasses()
    {
        var campaign = Campaign() with { UnitTargetYears = [] };

        var plan = YearLaunch.Plan(Tree(), campaign, Standings.AsOf([Passed("K.T1.U1", 2025)], 2026), 2026);

        Assert.Equal(InvitationReason.NoTargetYear, plan.Invited.Single(i => i.UnitCode == "K.T1.U2").Reason);
        Assert.DoesNotContain("K.T1.U1", plan.InvitedCodes);
    }

    [Fact]
    public void Launch_UnitDueLater_MayApplyEarlyOnRequest()
    {
        var standings = Standings.AsOf([Passed("K.T1.U1", 2025)], 2025);

        var early = YearLaunch.RequestEarly(Tree(), Campaign(), standings, "K.T2.C1", 2025);
        var passed = YearLaunch.RequestEarly(Tree(), Campaign(), standings, "K.T1.U1", 2025);
        var outside = YearLaunch.RequestEarly(Tree(), Campaign(), standings, "K", 2025);

        Assert.Equal(new Invitation("K.T2.C1", InvitationReason.EarlyApplication), early.Value);
        Assert.Equal("launch.already_passed", Assert.Single(passed.Errors).Code);
        Assert.Equal("launch.unit_out_of_scope", Assert.Single(outside.Errors).Code);
    }

    [Fact]
    public void Launch_PassedUnit_IsReExaminedOnlyByTheCountysChoice()
    {
        var tree = Tree();
        var standings = Standings.AsOf([Passed("K.T1.U1", 2025)], 2026);

        var plan = YearLaunch.Plan(tree, Campaign(), standings, 2026, new HashSet<string> { "K.T1.U1" });

        Assert.Equal(InvitationReason.ReExamination, plan.Invited.Single(i => i.UnitCode == "K.T1.U1").Reason);
        Assert.Empty(YearLaunch.CheckReExamination(tree, standings, "K.T1.U1", "K"));
        Assert.Equal("reexamination.not_authorised", Assert.Single(YearLaunch.CheckReExamination(tree, standings, "K.T1.U1", "K.T1")).Code);
        Assert.Equal("reexamination.not_passed", Assert.Single(YearLaunch.CheckReExamination(tree, standings, "K.T1.U2", "K")).Code);
    }

    [Fact]
    public void Launch_CaseOfAnEarlierYearStillOpen_ContinuesInsteadOfASecondInvitation()
    {
        var open = new UnitCase("K.T1.U2", 2025, new CaseState(CaseStatus.UnderReview, 2, 2, false));

        var plan = YearLaunch.Plan(Tree(), Campaign(), Standings.AsOf([open], 2026), 2026);

        Assert.Contains(new NotInvited("K.T1.U2", NotInvitedReason.CaseOpen), plan.NotInvited);
    }

    [Fact]
    public void Launch_DraftOfAnEarlierYearNeverSubmitted_LapsesAndTheUnitIsInvitedAgain()
    {
        var draft = new UnitCase("K.T1.U2", 2025, CaseState.NewDraft(2));

        var plan = YearLaunch.Plan(Tree(), Campaign(), Standings.AsOf([draft], 2026), 2026);

        Assert.Contains(new Invitation("K.T1.U2", InvitationReason.TargetYearReached), plan.Invited);
        Assert.Equal(UnitStatus.InProgress, Standings.Of("K.T1.U2", [draft], 2025).Status);
    }

    [Fact]
    public void TargetYear_ChangedAfterCreation_EachChangeAudited()
    {
        var changed = TargetYears.Change(Campaign(), Tree(), "K.T1.U4", 2026, "年初复核：已具备条件，提前到2026年", "K", "王主任", At).Value;

        Assert.Equal(2026, changed.Settings.TargetYearOf("K.T1.U4"));
        Assert.Equal(new TargetYearChange(1, "c-2025-five-good", "K.T1.U4", 2027, 2026, "年初复核：已具备条件，提前到2026年", "K", "王主任", At), changed.Change);
        Assert.Empty(CampaignValidator.Validate(changed.Settings, Tree()));
    }

    [Fact]
    public void TargetYear_Change_RefusedWithoutReasonOutsidePeriodOrByAnOutsider()
    {
        var errors = TargetYears.Change(Campaign(), Tree(), "K.T1.U4", 2029, " ", "K.T2", "李", At).Errors;

        Assert.Equal(["campaign.year_outside_period", "target_year.reason_missing", "target_year.not_authorised"], errors.Select(e => e.Code));
        Assert.Equal("target_year.unchanged", Assert.Single(TargetYears.Change(Campaign(), Tree(), "K.T1.U4", 2027, "复核", "K.T1", "李", At).Errors).Code);
        Assert.Null(TargetYears.Change(Campaign(), Tree(), "K.T1.U4", null, "暂不定", "K.T1", "李", At).Value.Settings.TargetYearOf("K.T1.U4"));
    }

    /// <summary>The whole run: year 1 launch and verdicts, the year-2 re-check, year 2 launch, a revocation in year 2.</summary>
    [Fact]
    public void ThreeYearRun_Year1PassesThenYear2Launch_InvitesDueUnpassedUnits_CumulativeFiguresAndARevocation()
    {
        var tree = Tree();
        var campaign = Campaign();
        var cases = new List<UnitCase>();

        // Year 1 (2025): the units due in 2025 are invited; the community, due in 2027, applies early.
        var launch1 = YearLaunch.Plan(tree, campaign, Standings.AsOf(cases, 2025), 2025);
        Assert.Equal(["K.T1", "K.T1.U1", "K.T1.U2", "K.T2", "K.T2.S1"], launch1.InvitedCodes);
        Assert.Equal(InvitationReason.EarlyApplication, YearLaunch.RequestEarly(tree, campaign, Standings.AsOf(cases, 2025), "K.T2.C1", 2025).Value.Reason);

        // Townships are decided by the county at their one review stage; the county has no city above it.
        Assert.Equal(1, tree.AcceptanceChain("K.T1").Value.ReviewStageCount);
        cases.Add(Passed("K.T1", 2025, stages: 1));
        cases.Add(Failed("K.T2", 2025, stages: 1));
        cases.Add(Passed("K.T1.U1", 2025));
        cases.Add(Passed("K.T2.S1", 2025));
        cases.Add(Passed("K.T2.C1", 2025));

        // U2 is returned by its township and lets the rectification deadline pass: assessed, not passed.
        var u2 = CaseTransitions.Apply(CaseTransitions.Apply(CaseState.NewDraft(2), CaseEvent.Submit), CaseEvent.Return);
        cases.Add(new UnitCase("K.T1.U2", 2025, CaseTransitions.Apply(u2, CaseEvent.ExpireRectification)));

        var year1 = PassRates.ForCampaignYear(tree, "K", campaign, cases, 2025);
        Assert.Equal((8, 4, 3), (year1.Figures.Established, year1.Figures.Assessed, year1.Figures.Passed));
        Assert.Equal(("75.0%", "37.5%"), (year1.Figures.PassRate.Display, year1.Figures.Coverage.Display));
        Assert.True(year1.Figures.Progress!.Met); // 3 of 8 meets 30% (at least 3)

        // Year 2 (2026): the re-check brings U4 forward, with its audit record.
        var recheck = TargetYears.Change(campaign, tree, "K.T1.U4", 2026, "年初复核：条件已具备", "K.T1", "张明", At).Value;
        campaign = recheck.Settings;
        Assert.Equal((2027, 2026), (recheck.Change.FromYear, recheck.Change.ToYear));

        // Invited: the failed township, the unit closed at its deadline, the units due in 2026 (U3, S2, U4 after the
        // re-check); not the units that passed in year 1, unless the county re-examines one (S1); not E1, due 2027.
        var launch2 = YearLaunch.Plan(tree, campaign, Standings.AsOf(cases, 2026), 2026, new HashSet<string> { "K.T2.S1" });
        Assert.Equal(["K.T1.U2", "K.T1.U3", "K.T1.U4", "K.T2", "K.T2.S1", "K.T2.S2"], launch2.InvitedCodes);
        Assert.Equal(InvitationReason.ReExamination, launch2.Invited.Single(i => i.UnitCode == "K.T2.S1").Reason);
        Assert.Equal(
            [new NotInvited("K.T1", NotInvitedReason.AlreadyPassed), new NotInvited("K.T1.U1", NotInvitedReason.AlreadyPassed),
             new NotInvited("K.T1.E1", NotInvitedReason.DueLater), new NotInvited("K.T2.C1", NotInvitedReason.AlreadyPassed)],
            launch2.NotInvited);

        cases.Add(Passed("K.T1.U2", 2026));
        cases.Add(Passed("K.T1.U3", 2026));
        cases.Add(Passed("K.T1.U4", 2026));
        cases.Add(new UnitCase("K.T2.S1", 2026, new CaseState(CaseStatus.UnderReview, 2, 2, false))); // re-examination under way
        cases.Add(new UnitCase("K.T2.S2", 2026, new CaseState(CaseStatus.ReturnedForRectification, 1, 2, false)));

        // A look-back in 2026 revokes U1's 2025 pass.
        var chain = tree.AcceptanceChain("K.T1.U1").Value;
        var revocation = Revocations.Revoke(tree, chain, "case-U1-2025", cases.Single(c => c.UnitCode == "K.T1.U1").State, ["2026年回头看：活动记录空白"], "K", "王主任", At).Value;
        cases[cases.FindIndex(c => c.UnitCode == "K.T1.U1")] = new UnitCase("K.T1.U1", 2025, revocation.NewState) { RevokedInYear = 2026 };

        // Cumulative 2026: passed S1 (kept while re-examined), C1, U2, U3, U4 = 5; assessed adds the revoked U1 and the
        // returned S2 = 7; E1 has no case. 5 of 8 meets the 60% target (at least 5).
        var year2 = PassRates.ForCampaignYear(tree, "K", campaign, cases, 2026);
        Assert.Equal((8, 7, 5), (year2.Figures.Established, year2.Figures.Assessed, year2.Figures.Passed));
        Assert.Equal(("71.4%", "62.5%"), (year2.Figures.PassRate.Display, year2.Figures.Coverage.Display));
        Assert.Equal((60m, 5, true), (year2.Target.Value, year2.Figures.Progress!.Required, year2.Figures.Progress.Met));
        Assert.Equal(UnitStatus.Revoked, year2.Standings["K.T1.U1"].Status);
        Assert.Equal(UnitStatus.Returned, year2.Standings["K.T2.S2"].Status);

        // 2025's figures, recomputed after the revocation, still show U1 as passed at the end of 2025.
        Assert.Equal(3, PassRates.ForCampaignYear(tree, "K", campaign, cases, 2025).Figures.Passed);

        // T1 passed itself but only 3 of its 4 villages now stand passed: below 80%. The enterprise is not counted.
        var passedCodes = year2.Standings.Where(s => s.Value.IsPassed).Select(s => s.Key).ToHashSet();
        var t1 = TownshipRule.Evaluate(tree, "K.T1", true, passedCodes, campaign.TownshipUnitShare, campaign.CountedKinds);
        Assert.Equal((false, 3, 4), (t1.Rated, t1.UnitsPassed, t1.UnitsTotal));

        // Year 3 (2027): U1 lost its status, so it is invited again, with E1 now due.
        var launch3 = YearLaunch.Plan(tree, campaign, Standings.AsOf(cases, 2027), 2027);
        Assert.Contains(new Invitation("K.T1.U1", InvitationReason.TargetYearReached), launch3.Invited);
        Assert.Contains(new Invitation("K.T1.E1", InvitationReason.TargetYearReached), launch3.Invited);
        Assert.Contains(new NotInvited("K.T2.S2", NotInvitedReason.CaseOpen), launch3.NotInvited);
    }
}
