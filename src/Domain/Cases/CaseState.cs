using System.Text.Json.Serialization;

namespace GuanGong.Domain.Cases;

/// <summary>
/// Where a case is: a status, the stage it is at (0 = the unit, 1..<see cref="ReviewStageCount"/> = the review stages
/// of its <see cref="Organisations.AcceptanceChain"/>, the last being the verdict) and whether the current stage was
/// escalated to the next level. Persisted as part of the case.
/// </summary>
/// <param name="Status">The status.</param>
/// <param name="Stage">The stage: 0 for <see cref="CaseStatus.Draft"/> (and for a case withdrawn from draft); for the other statuses the stage the case is at, or was at when it left review.</param>
/// <param name="ReviewStageCount">How many review stages the chain has (2 in the usual chain: review, verdict).</param>
/// <param name="Escalated">True when the next level took over the current stage after its deadline ladder ran out.</param>
public sealed record CaseState(CaseStatus Status, int Stage, int ReviewStageCount, bool Escalated)
{
    /// <summary>A new case in draft for a chain with <paramref name="reviewStageCount"/> review stages.</summary>
    /// <param name="reviewStageCount">At least 1.</param>
    public static CaseState NewDraft(int reviewStageCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reviewStageCount, 1);
        return new(CaseStatus.Draft, 0, reviewStageCount, false);
    }

    /// <summary>True while a review stage holds the case (submitted, resubmitted or under review): deadlines run.</summary>
    [JsonIgnore]
    public bool IsWithReviewer => Status is CaseStatus.Submitted or CaseStatus.Resubmitted or CaseStatus.UnderReview;

    /// <summary>True when no event except a look-back revocation (for <see cref="CaseStatus.Passed"/>) can change it.</summary>
    [JsonIgnore]
    public bool IsDecided => Status is CaseStatus.Passed or CaseStatus.Failed or CaseStatus.Revoked or CaseStatus.Withdrawn or CaseStatus.RectificationExpired;

    /// <summary>True when the stage index fits the status and the chain (the shapes <see cref="CaseTransitions"/> produces).</summary>
    [JsonIgnore]
    public bool IsWellFormed =>
        ReviewStageCount >= 1
        && Status switch
        {
            CaseStatus.Draft => Stage == 0,
            CaseStatus.Withdrawn => Stage >= 0 && Stage <= ReviewStageCount,
            _ => Stage >= 1 && Stage <= ReviewStageCount,
        }
        && (Status is not (CaseStatus.Passed or CaseStatus.Revoked) || Stage == ReviewStageCount)
        && (Status != CaseStatus.Submitted || Stage == 1)
        && (!Escalated || IsWithReviewer || Status == CaseStatus.Withdrawn);

    /// <summary>True when <see cref="Stage"/> is the verdict stage.</summary>
    [JsonIgnore]
    public bool AtVerdictStage => Stage == ReviewStageCount;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Status} (stage {Stage} of {ReviewStageCount}{(Escalated ? ", escalated" : string.Empty)})";
}
