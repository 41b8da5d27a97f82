namespace GuanGong.Domain.Cases;

/// <summary>Thrown when an event is applied to a case in a state that does not allow it. Names both the state and the event.</summary>
public sealed class IllegalCaseTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for a refused outcome.</summary>
    /// <param name="from">The state the case was in.</param>
    /// <param name="caseEvent">The refused event.</param>
    /// <param name="reason">Why it was refused.</param>
    public IllegalCaseTransitionException(CaseState from, CaseEvent caseEvent, string reason)
        : base($"A case in state {from} cannot take the event {caseEvent}: {reason}")
    {
        From = from;
        Event = caseEvent;
        Reason = reason;
    }

    /// <summary>The state the case was in.</summary>
    public CaseState From { get; }

    /// <summary>The refused event.</summary>
    public CaseEvent Event { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }
}
