using GuanGong.Functions.Reviews;

namespace GuanGong.Functions.Cases;

/// <summary>A decision taken on the case: by whom, when, why, with what total score.</summary>
public sealed record StageOutcome(
    int Stage,
    int Round,
    ReviewAction Action,
    string ReviewerName,
    string ReviewerEmail,
    string CommitteeCode,
    string? Reason,
    decimal? ReviewTotal,
    bool Escalated,
    DateTimeOffset At);
