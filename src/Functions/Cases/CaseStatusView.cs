using GuanGong.Domain.Scoring;
using GuanGong.Functions.Audit;

namespace GuanGong.Functions.Cases;

/// <summary>What the status function shows of a case: where it is, who holds it, until when, and everything that happened.</summary>
public sealed record CaseStatusView(
    string CaseId,
    string CampaignId,
    int Year,
    string UnitCode,
    string UnitName,
    string Status,
    int Stage,
    int ReviewStageCount,
    int Round,
    bool Escalated,
    decimal SelfTotal,
    decimal? LatestReviewTotal,
    Verdict? Verdict,
    CaseHolderView? HeldBy,
    DateTimeOffset? RectificationDueAt,
    bool RectificationDueProvisional,
    IReadOnlyList<StageOutcome> Decisions,
    IReadOnlyList<AuditEntry> History,
    string? EngineStatus,
    string? EngineLastError)
{
    /// <summary>The 受理编号 (<see cref="CaseNumbers.For(CaseRecord)"/>).</summary>
    public string? ReceiptNumber { get; init; }
}

/// <summary>The current task's holder as the status function shows it; <c>Provisional</c> when its due date counted a year without a holiday notice.</summary>
public sealed record CaseHolderView(string CommitteeCode, string Rung, IReadOnlyList<string> Reviewers, DateTimeOffset? DueAt, IReadOnlyList<int> UnconfirmedCalendarYears, bool Provisional);
