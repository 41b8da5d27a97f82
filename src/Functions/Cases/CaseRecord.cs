using GuanGong.Domain.Cases;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Scoring;

namespace GuanGong.Functions.Cases;

/// <summary>
/// One unit's assessment in one campaign year, as stored and as the status API shows it. Written by
/// the submission function (before the orchestration starts) and afterwards only by the
/// orchestration's activities, always with an ETag guard. Versioned contract.
/// </summary>
public sealed record CaseRecord(
    int SchemaVersion,
    string CaseId,
    string CampaignId,
    int Year,
    string UnitCode,
    string UnitName,
    IReadOnlyList<ChainStage> Chain,
    CaseState State,
    int Round,
    Submission Submission,
    ScoreSummary SelfSummary,
    ReviewTask? Task,
    IReadOnlyList<StageOutcome> Outcomes,
    Verdict? Verdict,
    DateTimeOffset? RectificationDueAt,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The committees allowed to see this case: the unit and the reviewers in its chain (and everyone above them).</summary>
    public IEnumerable<string> ChainCommitteeCodes => Chain.Select(s => s.CommitteeCode);
}
