using GuanGong.Domain.Cases;

namespace GuanGong.Domain.Tests.Cases;

public sealed class CaseTransitionsTests
{
    [Fact]
    public void Apply_HappyPath_UnitTownshipCounty_Passes()
    {
        var state = CaseState.NewDraft(2);

        state = CaseTransitions.Apply(state, CaseEvent.Submit);
        Assert.Equal(new CaseState(CaseStatus.Submitted, 1, 2, false), state);
        state = CaseTransitions.Apply(state, CaseEvent.StartReview);
        state = CaseTransitions.Apply(state, CaseEvent.Approve);
        Assert.Equal(new CaseState(CaseStatus.UnderReview, 2, 2, false), state);
        state = CaseTransitions.Apply(state, CaseEvent.Approve);

        Assert.Equal(CaseStatus.Passed, state.Status);
        Assert.True(state.IsDecided);
    }

    [Fact]
    public void Apply_ReturnedAtVerdictStage_ResubmissionGoesBackToThatStage()
    {
        var state = Walk(CaseState.NewDraft(2), CaseEvent.Submit, CaseEvent.Approve, CaseEvent.Return);
        Assert.Equal(new CaseState(CaseStatus.ReturnedForRectification, 2, 2, false), state);

        state = Walk(state, CaseEvent.Resubmit);

        Assert.Equal(new CaseState(CaseStatus.Resubmitted, 2, 2, false), state);
        Assert.Equal(CaseStatus.Passed, CaseTransitions.Apply(state, CaseEvent.Approve).Status);
    }

    [Fact]
    public void Apply_Escalate_MarksTheStageOnceAndClearsOnApproval()
    {
        var state = Walk(CaseState.NewDraft(2), CaseEvent.Submit, CaseEvent.Escalate);
        Assert.True(state.Escalated);
        Assert.Equal(CaseStatus.Submitted, state.Status);

        var again = Assert.Throws<IllegalCaseTransitionException>(() => CaseTransitions.Apply(state, CaseEvent.Escalate));
        Assert.Contains("already escalated", again.Reason, StringComparison.Ordinal);

        Assert.True(CaseTransitions.Apply(state, CaseEvent.StartReview).Escalated);
        Assert.False(CaseTransitions.Apply(state, CaseEvent.Approve).Escalated);
    }

    [Fact]
    public void Apply_RevokeAfterLookBack_OnlyFromPassed()
    {
        var passed = Walk(CaseState.NewDraft(2), CaseEvent.Submit, CaseEvent.Approve, CaseEvent.Approve);

        Assert.Equal(CaseStatus.Revoked, CaseTransitions.Apply(passed, CaseEvent.Revoke).Status);
        Assert.Throws<IllegalCaseTransitionException>(() => CaseTransitions.Apply(CaseState.NewDraft(2), CaseEvent.Revoke));
    }

    [Fact]
    public void Apply_IllegalMove_ExceptionNamesStateAndEvent()
    {
        var draft = CaseState.NewDraft(2);

        var ex = Assert.Throws<IllegalCaseTransitionException>(() => CaseTransitions.Apply(draft, CaseEvent.Approve));

        Assert.Equal(draft, ex.From);
        Assert.Equal(CaseEvent.Approve, ex.Event);
        Assert.Contains("Draft", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Approve", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseStatus.Failed)]
    [InlineData(CaseStatus.Revoked)]
    [InlineData(CaseStatus.Withdrawn)]
    public void AllowedEvents_ClosedCase_None(CaseStatus status)
    {
        var stage = status == CaseStatus.Failed ? 1 : 2;

        Assert.Empty(CaseTransitions.AllowedEvents(new CaseState(status, stage, 2, false)));
    }

    [Fact]
    public void Apply_OrderRectificationAfterLookBack_ReturnsPassedCaseToTheVerdictStage()
    {
        var passed = new CaseState(CaseStatus.Passed, 2, 2, false);

        var ordered = CaseTransitions.Apply(passed, CaseEvent.OrderRectification);

        Assert.Equal(new CaseState(CaseStatus.ReturnedForRectification, 2, 2, false), ordered);
        Assert.Equal(new CaseState(CaseStatus.Passed, 2, 2, false), Walk(ordered, CaseEvent.Resubmit, CaseEvent.StartReview, CaseEvent.Approve));
        Assert.Equal([CaseEvent.Revoke, CaseEvent.OrderRectification], CaseTransitions.AllowedEvents(passed));
        Assert.Throws<IllegalCaseTransitionException>(() => CaseTransitions.Apply(new CaseState(CaseStatus.Failed, 2, 2, false), CaseEvent.OrderRectification));
    }

    [Fact]
    public void AllowedEvents_Draft_SubmitOrWithdraw()
    {
        Assert.Equal([CaseEvent.Submit, CaseEvent.Withdraw], CaseTransitions.AllowedEvents(CaseState.NewDraft(2)));
    }

    [Fact]
    public void Apply_RejectAtReviewStage_Fails()
    {
        var state = Walk(CaseState.NewDraft(2), CaseEvent.Submit, CaseEvent.Reject);

        Assert.Equal(new CaseState(CaseStatus.Failed, 1, 2, false), state);
    }

    [Fact]
    public void Outcome_MalformedState_Throws()
    {
        Assert.Throws<ArgumentException>(() => CaseTransitions.Outcome(new CaseState(CaseStatus.UnderReview, 5, 2, false), CaseEvent.Approve));
    }

    [Fact]
    public void CaseState_JsonRoundTrip()
    {
        var state = new CaseState(CaseStatus.UnderReview, 2, 2, true);

        var json = DomainJson.Serialize(state);

        Assert.Equal("{\"status\":\"underReview\",\"stage\":2,\"reviewStageCount\":2,\"escalated\":true}", json);
        Assert.Equal(state, DomainJson.Deserialize<CaseState>(json));
    }

    private static CaseState Walk(CaseState state, params CaseEvent[] events) =>
        events.Aggregate(state, CaseTransitions.Apply);
}
