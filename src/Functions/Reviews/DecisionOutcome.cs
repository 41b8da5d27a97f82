namespace GuanGong.Functions.Reviews;

/// <summary>What became of a reviewer's attempt to decide (expected outcomes, not exceptions).</summary>
public abstract record DecisionOutcome
{
    private DecisionOutcome()
    {
    }

    /// <summary>The decision was recorded and handed to the case's orchestration.</summary>
    public sealed record Recorded(ReviewDecisionRecord Decision) : DecisionOutcome;

    /// <summary>This task was already decided (by this link or another reviewer's): who, when, what.</summary>
    public sealed record AlreadyDecided(ReviewDecisionRecord Decision) : DecisionOutcome;

    /// <summary>The link no longer names an open task (the task moved on, or the case is closed).</summary>
    public sealed record TaskClosed(string ReasonZh) : DecisionOutcome;

    /// <summary>The input is not acceptable (e.g. a return or reject without a reason); nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<Domain.ValidationError> Errors) : DecisionOutcome;
}
