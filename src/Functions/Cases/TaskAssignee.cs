using GuanGong.Domain.Deadlines;

namespace GuanGong.Functions.Cases;

/// <summary>A reviewer a task was sent to, and on which rung of the escalation ladder.</summary>
public sealed record TaskAssignee(string Name, string Email, string CommitteeCode, EscalationHolder Rung, DateTimeOffset AssignedAt);
