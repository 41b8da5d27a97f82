using GuanGong.Domain.Links;
using GuanGong.Functions.Http;

namespace GuanGong.Functions.Reviews;

/// <summary>Builds the signed links emails carry: a reviewer's task link and a unit's campaign link.</summary>
public sealed class ReviewLinks(LinkKeyRing keys, PublicUrls urls)
{
    public const ApprovalActions ReviewerActions = ApprovalActions.View | ApprovalActions.Approve | ApprovalActions.Return | ApprovalActions.Reject;

    /// <summary>The review page link for one reviewer on one task (the nonce is recorded on the task).</summary>
    public string TaskLink(string caseId, int stage, string reviewerEmail, string nonce, DateTimeOffset expiresAt) =>
        urls.Absolute("r/" + ApprovalTokens.Issue(new ApprovalTokenClaims(caseId, stage, reviewerEmail, ReviewerActions, expiresAt, nonce), keys));

    /// <summary>The unit's token for its own case: fill, upload, submit, resubmit, follow.</summary>
    public string UnitToken(string caseId, string contactEmail, DateTimeOffset expiresAt) =>
        ApprovalTokens.Issue(new ApprovalTokenClaims(LinkKinds.UnitSubject(caseId), LinkKinds.NonTaskStage, contactEmail, ApprovalActions.View | ApprovalActions.Approve, expiresAt, ApprovalTokens.NewNonce()), keys);

    /// <summary>The unit's self-assessment page link.</summary>
    public string UnitLink(string unitToken) => urls.Absolute("u/" + unitToken);

    /// <summary>A read-only dashboard link for a committee's subtree.</summary>
    public string DashboardToken(string committeeCode, string email, DateTimeOffset expiresAt) =>
        ApprovalTokens.Issue(new ApprovalTokenClaims(LinkKinds.SubtreeSubject(committeeCode), LinkKinds.NonTaskStage, email, ApprovalActions.View, expiresAt, ApprovalTokens.NewNonce()), keys);
}
