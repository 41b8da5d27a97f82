using GuanGong.Domain.Deadlines;

namespace GuanGong.Functions.Cases;

/// <summary>Who holds the case now: one stage's task in one round, its assignees, its due time.</summary>
public sealed record ReviewTask(
    string TaskId,
    int Stage,
    int Round,
    string CommitteeCode,
    EscalationHolder Holder,
    IReadOnlyList<TaskAssignee> Assignees,
    DateTimeOffset OpenedAt,
    DateTimeOffset? DueAt,
    bool Escalated,
    IReadOnlyList<int> UnconfirmedCalendarYears);
