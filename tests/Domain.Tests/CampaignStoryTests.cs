using GuanGong.Domain.Cases;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Links;
using GuanGong.Domain.LookBack;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Domain.Statistics;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests;

/// <summary>One unit through a campaign, calling the domain the way the app will: a usage example as much as a test.</summary>
public sealed class CampaignStoryTests
{
    [Fact]
    public void Unit_SubmitsPassesThenLosesStatusAtLookBack_TownshipRatingFollows()
    {
        var tree = new TreeBuilder().City("C").County("C.K", "C").Township("T", "C.K").Units("T", 5).Build();
        var campaign = CampaignBuilder.ThreeYear();
        var template = TemplateCatalog.Embedded().Resolve(campaign.Template).Value;
        var chain = tree.AcceptanceChain("T.U1", campaign.ReviewStageCount).Value;
        var passedUnits = new HashSet<string> { "T.U2", "T.U3", "T.U4" };

        // The unit submits on Friday 13 Feb 2026; the township has 5 working days, past the Spring Festival.
        var submittedAt = new DateTimeOffset(2026, 2, 13, 15, 0, 0, ChinaTime.Offset);
        var state = CaseTransitions.Apply(CaseState.NewDraft(chain.ReviewStageCount), CaseEvent.Submit);
        var plan = EscalationPlanner.Plan(
            submittedAt,
            submittedAt,
            campaign.LadderForStage(1),
            HolidayCalendar.Official,
            EscalationRouting.HasFallbackReviewer(tree, chain, 1),
            EscalationRouting.HasNextLevel(tree, chain, 1));
        Assert.Equal(new DateOnly(2026, 2, 27), plan.ReviewersDue.DueDate);

        // The township's reviewer gets a link bound to the case and stage 1, and approves with it.
        var keys = new LinkKeyRing(new LinkSigningKey("k1", new byte[32]));
        var reviewer = EscalationRouting.Recipients(tree, chain, 1, plan.Holder).Reviewers[0];
        var token = ApprovalTokens.Issue(new ApprovalTokenClaims("case-U1", 1, reviewer.Email, ApprovalActions.View | ApprovalActions.Approve, plan.ReviewersDue.DueAt, ApprovalTokens.NewNonce()), keys);
        Assert.True(ApprovalTokens.Verify(token, keys, submittedAt.AddDays(3), new("case-U1", state.Stage, ApprovalActions.Approve, reviewer.Email)).IsValid);
        state = CaseTransitions.Apply(state, CaseEvent.Approve);

        // The county scores it at 90 and gives the verdict.
        var sheet = new SheetBuilder(template).BaseTotal(90).Build();
        Assert.Empty(ScoreSheetValidator.Validate(sheet, template));
        var verdict = VerdictCalculator.Decide(template, sheet);
        Assert.True(verdict.Passed);
        state = CaseTransitions.Apply(state, CaseEvent.Approve);
        Assert.Equal(CaseStatus.Passed, state.Status);
        passedUnits.Add("T.U1");

        // 4 of 5 units passed: the township (which passed itself) is rated under the 80% rule.
        var township = TownshipRule.TownshipOf(tree, "T.U1")!;
        Assert.True(TownshipRule.Evaluate(tree, township.Code, true, passedUnits, campaign.TownshipUnitShare).Rated);

        // A look-back with a 10% share draws ⌈4 × 10%⌉ = 1 unit from the township; say it is T.U1 and it is revoked.
        Assert.Equal(1, LookBackSampler.Draw(tree, passedUnits, campaign.LookBackShare, "2026-12-01").Strata.Single().SampleSize);
        var revoked = Revocations.Revoke(tree, chain, "case-U1", state, ["活动记录2026年下半年空白"], "C.K", "王主任", new DateTimeOffset(2026, 12, 5, 10, 0, 0, ChinaTime.Offset)).Value;
        passedUnits.Remove("T.U1");

        // The township drops to 3 of 5 and is no longer rated; the county's figures count the revoked unit as assessed.
        Assert.False(TownshipRule.Evaluate(tree, township.Code, true, passedUnits, campaign.TownshipUnitShare).Rated);
        var statuses = passedUnits.ToDictionary(u => u, _ => UnitStatus.Passed);
        statuses["T.U1"] = UnitStatuses.From(revoked.NewState);
        var figures = PassRates.ForSubtree(tree, "C.K", statuses, campaign.TargetFor(2026));
        Assert.Equal((5, 4, 3), (figures.Established, figures.Assessed, figures.Passed));
        Assert.Equal("75.0%", figures.PassedOfAssessed.Display);
        Assert.True(figures.Progress!.Met); // 3 of 5 meets the 60% target for 2026
    }
}
