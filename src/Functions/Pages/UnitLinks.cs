using GuanGong.Domain.Links;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;

namespace GuanGong.Functions.Pages;

/// <summary>
/// Verifies a unit's campaign link the way <see cref="Access"/> does (a signed token whose subject is
/// <c>unit:{caseId}</c>) and finds its campaign from the case number's tag. A reviewer task link or a
/// dashboard link is never a unit link: their subjects live in other namespaces.
/// </summary>
public sealed class UnitLinks(LinkKeyRing ring, TimeProvider time, CampaignStore campaigns)
{
    public async Task<(UnitLink? Link, TokenRefusal? Refusal)> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var verified = ApprovalTokens.Verify(token, ring, time.GetUtcNow(), new TokenExpectation());
        if (!verified.IsValid)
        {
            return (null, verified.Refusal ?? TokenRefusal.Malformed);
        }

        var subject = verified.Claims.CaseId;
        if (!subject.StartsWith(LinkKinds.UnitPrefix, StringComparison.Ordinal) || CaseIds.Parse(subject[LinkKinds.UnitPrefix.Length..]) is not { } parts)
        {
            return (null, TokenRefusal.Malformed);
        }

        var campaign = await campaigns.FindByCaseIdAsync(subject[LinkKinds.UnitPrefix.Length..], cancellationToken);
        return campaign is null
            ? (null, null)
            : (new UnitLink(LinkCookies.HandleOf(token), token, subject[LinkKinds.UnitPrefix.Length..], parts.UnitCode, parts.Year, verified.Claims.ReviewerEmail, verified.Claims.Nonce, campaign), null);
    }
}
