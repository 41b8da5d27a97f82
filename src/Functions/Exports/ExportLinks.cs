using GuanGong.Domain.Links;
using GuanGong.Functions.Http;

namespace GuanGong.Functions.Exports;

/// <summary>
/// The dashboard's export buttons carry a one-purpose token, not a dashboard link: its subject,
/// <c>export:{campaignId}/{root}</c>, is in no namespace <see cref="Access"/> accepts, so it reads no
/// case, ledger or statistics — only that campaign's results for that subtree, for
/// <see cref="Lifetime"/> after the page was shown.
/// </summary>
public sealed class ExportLinks(LinkKeyRing ring, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string SubjectPrefix = "export:";

    public string Issue(string campaignId, string root) =>
        ApprovalTokens.Issue(new ApprovalTokenClaims($"{SubjectPrefix}{campaignId}/{root}", LinkKinds.NonTaskStage, "export", ApprovalActions.View, time.GetUtcNow() + Lifetime, ApprovalTokens.NewNonce()), ring);

    /// <summary>The subtree root a valid export token grants for <paramref name="campaignId"/>, or null.</summary>
    public string? RootFor(string? token, string campaignId)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        var verified = ApprovalTokens.Verify(token, ring, time.GetUtcNow(), new TokenExpectation(Action: ApprovalActions.View));
        var prefix = $"{SubjectPrefix}{campaignId}/";
        return verified.IsValid && verified.Claims.CaseId.StartsWith(prefix, StringComparison.Ordinal) && verified.Claims.CaseId.Length > prefix.Length
            ? verified.Claims.CaseId[prefix.Length..]
            : null;
    }
}
