namespace GuanGong.Domain.Cases;

/// <summary>
/// Every legal move of a case, in one table. Any (status, event) pair not listed is refused, so every state has a
/// defined outcome for every event.
/// </summary>
/// <remarks>
/// <para>"Open" below means Submitted, Resubmitted or UnderReview: a review stage k holds the case and its deadline runs.
/// A reviewer may decide without first opening the case (the emailed link can carry the decision).</para>
/// <list type="table">
/// <listheader><term>from</term><description>event → to</description></listheader>
/// <item><term>Draft</term><description>Submit → Submitted(1); Withdraw → Withdrawn</description></item>
/// <item><term>Submitted(1), Resubmitted(k)</term><description>StartReview → UnderReview(same stage, escalation kept)</description></item>
/// <item><term>Open(k)</term><description>Approve → UnderReview(k+1), or Passed at the verdict stage; Return → ReturnedForRectification(k);
/// Reject → Failed(k); Escalate → same state marked escalated (once per stage); Withdraw → Withdrawn(k)</description></item>
/// <item><term>ReturnedForRectification(k)</term><description>Resubmit → Resubmitted(k): back to the stage that returned it; Withdraw → Withdrawn(k);
/// ExpireRectification → RectificationExpired(k) (the deadline passed: assessed, not passed)</description></item>
/// <item><term>Passed</term><description>Revoke → Revoked; OrderRectification → ReturnedForRectification(verdict stage) (both after a look-back)</description></item>
/// <item><term>Failed, Revoked, Withdrawn, RectificationExpired</term><description>nothing: a new campaign year opens a new case</description></item>
/// </list>
/// <para>The escalation mark belongs to the stage: moving to another stage or back to the unit clears it.</para>
/// </remarks>
public static class CaseTransitions
{
    /// <summary>The outcome of <paramref name="caseEvent"/> in <paramref name="state"/>; never throws for a well-formed state.</summary>
    /// <param name="state">The current state; must be well-formed.</param>
    /// <param name="caseEvent">The event.</param>
    public static TransitionOutcome Outcome(CaseState state, CaseEvent caseEvent)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.IsWellFormed)
        {
            throw new ArgumentException($"The case state {state} is not well-formed.", nameof(state));
        }

        var open = state.IsWithReviewer;
        CaseState? next = (state.Status, caseEvent) switch
        {
            (CaseStatus.Draft, CaseEvent.Submit) => state with { Status = CaseStatus.Submitted, Stage = 1 },
            (CaseStatus.Submitted or CaseStatus.Resubmitted, CaseEvent.StartReview) => state with { Status = CaseStatus.UnderReview },
            (_, CaseEvent.Approve) when open && !state.AtVerdictStage => state with { Status = CaseStatus.UnderReview, Stage = state.Stage + 1, Escalated = false },
            (_, CaseEvent.Approve) when open => state with { Status = CaseStatus.Passed, Escalated = false },
            (_, CaseEvent.Return) when open => state with { Status = CaseStatus.ReturnedForRectification, Escalated = false },
            (_, CaseEvent.Reject) when open => state with { Status = CaseStatus.Failed, Escalated = false },
            (_, CaseEvent.Escalate) when open && !state.Escalated => state with { Escalated = true },
            (CaseStatus.ReturnedForRectification, CaseEvent.Resubmit) => state with { Status = CaseStatus.Resubmitted },
            (CaseStatus.ReturnedForRectification, CaseEvent.ExpireRectification) => state with { Status = CaseStatus.RectificationExpired },
            (CaseStatus.Draft or CaseStatus.ReturnedForRectification, CaseEvent.Withdraw) => state with { Status = CaseStatus.Withdrawn },
            (_, CaseEvent.Withdraw) when open => state with { Status = CaseStatus.Withdrawn },
            (CaseStatus.Passed, CaseEvent.Revoke) => state with { Status = CaseStatus.Revoked },
            (CaseStatus.Passed, CaseEvent.OrderRectification) => state with { Status = CaseStatus.ReturnedForRectification },
            _ => null,
        };

        return next is not null
            ? new TransitionOutcome(state, caseEvent, next, null)
            : new TransitionOutcome(state, caseEvent, null, RefusalReason(state, caseEvent));
    }

    /// <summary>Applies the event; throws <see cref="IllegalCaseTransitionException"/> when the table refuses it.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="caseEvent">The event.</param>
    public static CaseState Apply(CaseState state, CaseEvent caseEvent)
    {
        var outcome = Outcome(state, caseEvent);
        return outcome.Next ?? throw new IllegalCaseTransitionException(state, caseEvent, outcome.RefusalReason!);
    }

    /// <summary>The events the table allows in <paramref name="state"/> (for showing only the buttons that work).</summary>
    /// <param name="state">The current state.</param>
    public static IReadOnlyList<CaseEvent> AllowedEvents(CaseState state) =>
        [.. Enum.GetValues<CaseEvent>().Where(e => Outcome(state, e).IsAllowed)];

    private static string RefusalReason(CaseState state, CaseEvent caseEvent) => (state.Status, caseEvent) switch
    {
        (CaseStatus.Failed or CaseStatus.Revoked or CaseStatus.Withdrawn or CaseStatus.RectificationExpired, _) => $"the case is closed ({state.Status})",
        (CaseStatus.Passed, _) => "a passed case can only be revoked or ordered to rectify after a look-back",
        (_, CaseEvent.Escalate) when state.Escalated => "the current stage is already escalated",
        (_, CaseEvent.Approve or CaseEvent.Return or CaseEvent.Reject or CaseEvent.Escalate) => "no review stage holds the case",
        _ => $"{caseEvent} is not a move state {state.Status}",
    };
}
