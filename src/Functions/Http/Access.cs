using GuanGong.Domain.Links;
using GuanGong.Domain.Organisations;
using GuanGong.Functions.Organisations;

namespace GuanGong.Functions.Http;

/// <summary>
/// Resolves who is calling: the admin key (<c>X-Admin-Key</c>), a committee API key
/// (<c>X-Api-Key</c>), or a signed unit or dashboard link (<c>Authorization: Bearer …</c> or
/// <c>?t=…</c>). Reviewer task links are not accepted here: they act only on their own task, through
/// the review pages and the decision function.
/// </summary>
public sealed class Access(AccessKeys keys, LinkKeyRing ring, TimeProvider time, ApiKeyStore apiKeys)
{
    public const string ApiKeyHeader = "X-Api-Key";

    public async Task<Caller?> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (keys.IsAdminKey(context.Request.Headers[AccessKeys.AdminKeyHeader]))
        {
            return new AdminCaller();
        }

        if (context.Request.Headers[ApiKeyHeader].ToString() is { Length: > 0 } apiKey)
        {
            return await apiKeys.FindAsync(apiKey, cancellationToken) is { } code ? new CommitteeCaller(code, "api-key") : null;
        }

        var token = BearerToken(context) ?? (context.Request.Query["t"].ToString() is { Length: > 0 } query ? query : LinkCookies.DashboardToken(context));
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var verified = ApprovalTokens.Verify(token, ring, time.GetUtcNow(), new TokenExpectation());
        if (!verified.IsValid)
        {
            return null;
        }

        var subject = verified.Claims!.CaseId;
        if (subject.StartsWith(LinkKinds.SubtreePrefix, StringComparison.Ordinal))
        {
            return new CommitteeCaller(subject[LinkKinds.SubtreePrefix.Length..], "dashboard-link");
        }

        if (subject.StartsWith(LinkKinds.UnitPrefix, StringComparison.Ordinal) && Cases.CaseIds.Parse(subject[LinkKinds.UnitPrefix.Length..]) is { } parts)
        {
            return new UnitCaller(parts.UnitCode, subject[LinkKinds.UnitPrefix.Length..], verified.Claims.ReviewerEmail);
        }

        // A reviewer task link is not a caller here: it acts only on its own task.
        return null;
    }

    /// <summary>Whether the caller may see things belonging to <paramref name="committeeCode"/> (a unit, or a subtree root).</summary>
    public static bool MayRead(Caller caller, OrganisationTree tree, string committeeCode) => caller switch
    {
        AdminCaller => true,
        UnitCaller unit => unit.UnitCode == committeeCode,
        CommitteeCaller committee => CommitteeDirectory.IsWithin(tree, committeeCode, committee.CommitteeCode),
        _ => false,
    };

    private static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
