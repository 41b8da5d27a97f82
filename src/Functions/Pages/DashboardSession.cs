using GuanGong.Domain.Links;
using GuanGong.Functions.Http;

namespace GuanGong.Functions.Pages;

/// <summary>
/// An administrator's signed-in dashboard session: after the admin key is typed into the sign-in
/// form (never put in a URL), the browser holds an HttpOnly, SameSite=Strict cookie with a signed
/// token valid for <see cref="Lifetime"/>. Its subject, <c>session:admin</c>, is in no namespace
/// <see cref="Access"/> accepts, so the cookie's value is useless as a unit, task or dashboard link.
/// </summary>
public sealed class DashboardSession(LinkKeyRing ring, TimeProvider time, AccessKeys keys, AdminKeyThrottle throttle, DashboardSessionRevocation revocation)
{
    public const string CookieName = "gg_dashboard";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private const string Subject = "session:admin";

    /// <summary>Signs in when <paramref name="adminKey"/> is the admin key; false otherwise (nothing is set).</summary>
    public bool TrySignIn(HttpContext context, string? adminKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!keys.IsAdminKey(adminKey))
        {
            throttle.RecordFailure(Client(context));
            return false;
        }

        var expires = time.GetUtcNow() + Lifetime;
        var token = ApprovalTokens.Issue(new ApprovalTokenClaims(Subject, LinkKinds.NonTaskStage, "admin", ApprovalActions.View, expires, ApprovalTokens.NewNonce()), ring);
        context.Response.Cookies.Append(CookieName, token, Options(context, expires));
        return true;
    }

    public static void SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, Options(context, null));
    }

    /// <summary>Whether this client has spent its wrong keys for now (the sign-in form then answers 429).</summary>
    public bool IsThrottled(HttpContext context) => throttle.IsBlocked(Client(context));

    /// <summary>Whether the request carries a valid session signed in after the last server-side revocation.</summary>
    public async Task<bool> IsSignedInAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var token))
        {
            return false;
        }

        var verified = ApprovalTokens.Verify(token, ring, time.GetUtcNow(), new TokenExpectation(CaseId: Subject, Action: ApprovalActions.View));
        if (!verified.IsValid)
        {
            return false;
        }

        var signedInAt = verified.Claims.ExpiresAt - Lifetime;
        return await revocation.RevokedBeforeAsync(cancellationToken) is not { } revokedBefore || signedInAt >= revokedBefore;
    }

    private static string Client(HttpContext context) =>
        context.Items[EdgePolicy.ClientAddressItem] as string ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/d",
        Expires = expires,
        IsEssential = true,
    };
}
