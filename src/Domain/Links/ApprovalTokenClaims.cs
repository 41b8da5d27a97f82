namespace GuanGong.Domain.Links;

/// <summary>
/// What an approval link is bound to. Signed into the token; nothing in it is secret (it is only base64url-encoded),
/// so it must not carry personal data beyond the reviewer's email.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Stage">The review stage the link is for (1..N); a link for stage 1 cannot act at stage 2.</param>
/// <param name="ReviewerEmail">Who the link was sent to (for the audit trail, and an optional check).</param>
/// <param name="Actions">What the link allows.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
/// <param name="Nonce">The one-time id: the app records it when the link is used and refuses it the second time.</param>
public sealed record ApprovalTokenClaims(
    string CaseId,
    int Stage,
    string ReviewerEmail,
    ApprovalActions Actions,
    DateTimeOffset ExpiresAt,
    string Nonce);
