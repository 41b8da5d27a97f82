using GuanGong.Domain.Scoring;

namespace GuanGong.Functions.Reviews;

/// <summary>
/// A reviewer's decision, written once under the link's one-time id (the row key), so a second
/// POST of the same link finds it and is answered "already decided by … at …". It is the source the
/// orchestration's event is raised from; <see cref="Applied"/> turns true once the orchestration took
/// it, so a decision whose event was lost in an outage can be raised again. Versioned contract.
/// </summary>
public sealed record ReviewDecisionRecord(
    int SchemaVersion,
    string OneTimeId,
    string CaseId,
    int Stage,
    int Round,
    string TaskId,
    ReviewAction Action,
    string ReviewerName,
    string ReviewerEmail,
    string? Reason,
    ScoreSheet? ReviewSheet,
    DateTimeOffset DecidedAt,
    bool Applied)
{
    public const int CurrentSchemaVersion = 1;
}
