namespace GuanGong.Domain.Deadlines;

/// <summary>What the app does at a step of the escalation ladder.</summary>
public enum EscalationStepKind
{
    /// <summary>Email the committee's reviewers a reminder.</summary>
    RemindReviewers,

    /// <summary>The reviewers' deadline passed: send the case to the fallback reviewer.</summary>
    HandToFallback,

    /// <summary>Email the fallback reviewer a reminder.</summary>
    RemindFallback,

    /// <summary>The last deadline passed: the next level up takes the case (apply <see cref="Cases.CaseEvent.Escalate"/>).</summary>
    EscalateToNextLevel,
}
