namespace GuanGong.Domain.Deadlines;

/// <summary>One step of a stage's escalation timeline.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="At">When (an instant; China local rules applied).</param>
public sealed record EscalationStep(EscalationStepKind Kind, DateTimeOffset At);
