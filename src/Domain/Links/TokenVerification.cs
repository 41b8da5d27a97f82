using System.Diagnostics.CodeAnalysis;

namespace GuanGong.Domain.Links;

/// <summary>The result of verifying an approval link: the claims, or why it is refused.</summary>
/// <param name="Claims">The verified claims; null when refused (claims of a refused token are never returned, except
/// for the expiry, wrong-case/stage/reviewer and action refusals, where the signature was good and the claims help the page).</param>
/// <param name="Refusal">Why it is refused; null when valid.</param>
public sealed record TokenVerification(ApprovalTokenClaims? Claims, TokenRefusal? Refusal)
{
    /// <summary>True when the token is valid for the expectation.</summary>
    [MemberNotNullWhen(true, nameof(Claims))]
    public bool IsValid => Refusal is null && Claims is not null;
}
