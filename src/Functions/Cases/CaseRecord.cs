using GuanGong.Domain.Cases;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Audit;

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
    ScoreSheet? LatestReviewSheet,
    ReviewTask? Task,
    IReadOnlyList<StageOutcome> Outcomes,
    Verdict? Verdict,
    DateTimeOffset? RectificationDueAt,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>
    /// What a look-back (回头看) ordered for this passed case (限期整改 or 撤销); null when none did. Added after
    /// schema 1 without a version change: rows written before it lack the field and read as null.
    /// </summary>
    public CaseLookBack? LookBack { get; init; }

    /// <summary>
    /// The 受理编号 given when the case was first accepted (<see cref="ReceiptNumbers"/>). Added after schema 1 without a
    /// version change: rows written before it lack the field, read as null, and keep showing their old number
    /// (<see cref="CaseNumbers.For(CaseRecord)"/> falls back to it).
    /// </summary>
    public string? ReceiptNumber { get; init; }

    /// <summary>
    /// Where the first submission came from (address, browser), for its "提交自评" audit entry. That entry is written
    /// by the workflow's first step from the origin in the start message; when the start was lost (the accepting
    /// process stopped with it queued) the workflow is started later from this row (<see cref="Submissions.UnstartedCases"/>)
    /// and takes the origin from here. Never shown by the status API. Added after schema 1 without a version change:
    /// rows written before it lack the field and read as null.
    /// </summary>
    public RequestOrigin? SubmittedFrom { get; init; }

    /// <summary>The committees allowed to see this case: the unit and the reviewers in its chain (and everyone above them).</summary>
    public IEnumerable<string> ChainCommitteeCodes => Chain.Select(s => s.CommitteeCode);
}
