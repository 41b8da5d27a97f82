namespace GuanGong.Domain.Cases;

/// <summary>What can happen to a case. The outcome of every event in every state is in <see cref="CaseTransitions"/>.</summary>
public enum CaseEvent
{
    /// <summary>The unit submits its self-assessment.</summary>
    Submit,

    /// <summary>The reviewer of the current stage opens the case.</summary>
    StartReview,

    /// <summary>The current stage approves: the case moves to the next stage, or passes at the verdict stage.</summary>
    Approve,

    /// <summary>The current stage returns the case to the unit for rectification.</summary>
    Return,

    /// <summary>The unit resubmits after rectification.</summary>
    Resubmit,

    /// <summary>The current stage decides the unit does not meet the standard.</summary>
    Reject,

    /// <summary>The deadline ladder ran out: the next level up takes the current stage; the case is marked escalated.</summary>
    Escalate,

    /// <summary>The unit withdraws its case before a decision.</summary>
    Withdraw,

    /// <summary>A look-back found the passed unit no longer meets the standard.</summary>
    Revoke,

    /// <summary>The rectification deadline passed without a resubmission: the case closes as not passed.</summary>
    ExpireRectification,

    /// <summary>
    /// A look-back found faults in a passed unit and orders it to put them right by a deadline (限期整改): the case goes
    /// back to the unit as returned for rectification at the verdict stage, and the resubmission is reviewed again there.
    /// </summary>
    OrderRectification,
}
