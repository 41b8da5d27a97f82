using GuanGong.Domain.Links;

namespace GuanGong.Functions.Ledgers;

/// <summary>
/// Short-lived download links for ledger files, signed with the app's link key ring. The app streams
/// the bytes itself (with a sandboxing Content-Security-Policy and no-referrer, which a response
/// from storage cannot carry; <see cref="LedgerReadSas"/> issues SAS links where those are wanted),
/// and the link is the app's own token: an <see cref="ApprovalTokens"/> token whose case id is
/// <c>ledger:{caseId}/{ledgerId}</c> and whose only action is View. That subject can never equal a
/// real case id, so a download link is refused wherever a unit or reviewer link is expected, and a
/// reviewer link is refused here.
/// </summary>
public sealed class LedgerLinks(LinkKeyRing ring, TimeProvider time)
{
    /// <summary>How long a download link works: long enough to click, short enough that a forwarded list goes stale.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public const string Path = "/api/ledgers/content";

    private const string SubjectPrefix = "ledger:";

    // The token format requires a stage of at least 1; it carries no meaning for a download.
    private const int TokenStage = 1;

    /// <summary>A link for one ledger, and when it stops working. <paramref name="issuedTo"/> is recorded in the token (who listed it).</summary>
    public (string Url, DateTimeOffset ExpiresAt) Issue(string caseId, string ledgerId, string issuedTo)
    {
        var expiresAt = time.GetUtcNow() + Lifetime;
        var token = ApprovalTokens.Issue(
            new ApprovalTokenClaims(SubjectPrefix + caseId + "/" + ledgerId, TokenStage, issuedTo, ApprovalActions.View, expiresAt, ApprovalTokens.NewNonce()),
            ring);
        return ($"{Path}?d={Uri.EscapeDataString(token)}", expiresAt);
    }

    /// <summary>The case and ledger a valid, unexpired link names; null for anything else.</summary>
    public (string CaseId, string LedgerId)? Verify(string? token)
    {
        var verified = ApprovalTokens.Verify(token, ring, time.GetUtcNow(), new TokenExpectation(Stage: TokenStage, Action: ApprovalActions.View));
        if (!verified.IsValid || !verified.Claims.CaseId.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var subject = verified.Claims.CaseId[SubjectPrefix.Length..];
        var slash = subject.LastIndexOf('/');
        return slash <= 0 || slash == subject.Length - 1 ? null : (subject[..slash], subject[(slash + 1)..]);
    }
}
