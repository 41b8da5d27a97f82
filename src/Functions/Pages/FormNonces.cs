using GuanGong.Domain.Links;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The nonce a page's form carries: a short-lived signed value bound to the link that rendered the
/// page. A POST without it is refused, so an automated fetch of the emailed link (a mail scanner)
/// can never act, even one that submits forms blindly — it would need a page it rendered moments ago.
/// </summary>
public sealed class FormNonces(LinkKeyRing keys, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    public string Issue(string linkNonce, string email) =>
        ApprovalTokens.Issue(new ApprovalTokenClaims("form:" + linkNonce, Http.LinkKinds.NonTaskStage, email, ApprovalActions.View, time.GetUtcNow() + Lifetime, ApprovalTokens.NewNonce()), keys);

    public bool IsValid(string? formNonce, string linkNonce, string email) =>
        ApprovalTokens.Verify(formNonce, keys, time.GetUtcNow(), new TokenExpectation(CaseId: "form:" + linkNonce, ReviewerEmail: email)).IsValid;
}
