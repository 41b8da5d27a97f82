using GuanGong.Domain.Deadlines;

namespace GuanGong.Functions.Cases;

/// <summary>
/// A reviewer a task was sent to, on which rung of the escalation ladder, and the one-time id of
/// the link they were sent: a decision is accepted only with a nonce listed on the current task, so
/// links of an earlier round, another stage or a superseded task are refused.
/// </summary>
public sealed record TaskAssignee(string Name, string Email, string CommitteeCode, EscalationHolder Rung, string Nonce, DateTimeOffset AssignedAt, DateTimeOffset? NotifiedAt);
