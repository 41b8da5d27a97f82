using FsCheck;
using FsCheck.Fluent;
using GuanGong.Domain.Cases;

namespace GuanGong.Domain.Tests.Cases;

public sealed class CaseTransitionProperties
{
    /// <summary>Every well-formed state for chains of 1 to 4 review stages.</summary>
    internal static IEnumerable<CaseState> AllStates() =>
        from n in Enumerable.Range(1, 4)
        from status in Enum.GetValues<CaseStatus>()
        from stage in Enumerable.Range(0, n + 1)
        from escalated in new[] { false, true }
        let state = new CaseState(status, stage, n, escalated)
        where state.IsWellFormed
        select state;

    [Fact]
    public void Outcome_EveryStateTimesEveryEvent_IsDefinedAndWellFormed()
    {
        var pairs = 0;
        foreach (var state in AllStates())
        {
            foreach (var ev in Enum.GetValues<CaseEvent>())
            {
                var outcome = CaseTransitions.Outcome(state, ev);
                Assert.True(outcome.IsAllowed ^ (outcome.RefusalReason is not null), $"{state} × {ev}");
                Assert.True(outcome.Next?.IsWellFormed ?? true, $"{state} × {ev} → {outcome.Next}");
                Assert.Equal(state.ReviewStageCount, (outcome.Next ?? state).ReviewStageCount);
                if (outcome.IsAllowed)
                {
                    Assert.Equal(outcome.Next, CaseTransitions.Apply(state, ev));
                }
                else
                {
                    var ex = Assert.Throws<IllegalCaseTransitionException>(() => CaseTransitions.Apply(state, ev));
                    Assert.Equal((state, ev), (ex.From, ex.Event));
                }

                pairs++;
            }
        }

        Assert.True(pairs > 300);
    }

    [Fact]
    public void Outcome_GeneratedStateAndEvent_AllowedXorRefusedWithTypedException()
    {
        var pairs =
            from state in Gen.Elements(AllStates().ToArray())
            from ev in Gen.Elements(Enum.GetValues<CaseEvent>())
            select (state, ev);

        Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var outcome = CaseTransitions.Outcome(p.state, p.ev);
            try
            {
                var next = CaseTransitions.Apply(p.state, p.ev);
                return outcome.IsAllowed && next == outcome.Next && next.IsWellFormed;
            }
            catch (IllegalCaseTransitionException ex)
            {
                return !outcome.IsAllowed && ex.From == p.state && ex.Event == p.ev;
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RandomWalk_PassedOnlyAfterEveryStageApproved()
    {
        var walks =
            from n in Gen.Choose(1, 4)
            from events in Gen.ListOf(Gen.Elements(Enum.GetValues<CaseEvent>()))
            select (n, events);

        Prop.ForAll(walks.ToArbitrary(), w =>
        {
            var state = CaseState.NewDraft(w.n);
            var approvedStages = new HashSet<int>();
            foreach (var ev in w.events)
            {
                var outcome = CaseTransitions.Outcome(state, ev);
                if (!outcome.IsAllowed)
                {
                    continue;
                }

                if (ev == CaseEvent.Approve)
                {
                    approvedStages.Add(state.Stage);
                }

                state = outcome.Next!;
                if (!state.IsWellFormed)
                {
                    return false;
                }
            }

            return state.Status is not (CaseStatus.Passed or CaseStatus.Revoked) || approvedStages.SetEquals(Enumerable.Range(1, w.n));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RandomWalk_ClosedStatesAreTerminal()
    {
        Prop.ForAll(Gen.Elements(AllStates().Where(s => s.Status is CaseStatus.Failed or CaseStatus.Revoked or CaseStatus.Withdrawn).ToArray()).ToArbitrary(), state =>
            CaseTransitions.AllowedEvents(state).Count == 0).QuickCheckThrowOnFailure();
    }
}
