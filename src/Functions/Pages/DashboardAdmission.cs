using GuanGong.Functions.Http;
using GuanGong.Functions.Statistics;
using Microsoft.AspNetCore.Components;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The one preamble of the campaign dashboard's pages (the statistics, 督查 visits, look-back): who is asking (an
/// administrator signed in, or a committee's dashboard link), which campaign subtree and year they may see, and the page
/// itself headed by the campaign's own standard name. A visitor without either is sent to sign in; a unit's link, a
/// campaign that does not exist or a subtree out of reach get a message page in Chinese.
/// </summary>
public sealed class DashboardAdmission(DashboardSession session, Access access, CampaignScopes scopes)
{
    /// <summary>The caller of a dashboard page: the signed-in administrator, else whatever the request's credential names.</summary>
    public async Task<Caller?> CallerAsync(HttpContext http, CancellationToken cancellationToken) =>
        await session.IsSignedInAsync(http, cancellationToken) ? new AdminCaller() : await access.ResolveAsync(http, cancellationToken);

    /// <summary>
    /// Admits the request to <paramref name="campaignId"/>'s subtree <paramref name="root"/> in <paramref name="year"/> (both
    /// defaulting as the statistics do). <paramref name="unitLinkRefusal"/> says what a unit's link cannot see here.
    /// </summary>
    public async Task<Admitted> AdmitAsync(HttpContext http, string campaignId, string? root, int? year, string unitLinkRefusal, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync(http, cancellationToken);
        if (caller is not (AdminCaller or CommitteeCaller))
        {
            return new Admitted(caller, null, caller is null
                ? SignIn(http)
                : PageLayout.Message("无法查看", unitLinkRefusal, StatusCodes.Status403Forbidden));
        }

        var (scope, _) = await scopes.ResolveAsync(caller, campaignId, root, year, cancellationToken);
        return scope is null
            ? new Admitted(caller, null, PageLayout.Message("无法查看", "找不到这次活动，或这个范围不在您可以查看的关工委之内。", StatusCodes.Status404NotFound))
            : new Admitted(caller, scope, null);
    }

    /// <summary>Back to the sign-in form, returning here after it.</summary>
    public static IResult SignIn(HttpContext http) =>
        Results.Redirect("/d/login?next=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString), permanent: false);

    /// <summary>The outcome: either a <see cref="Scope"/> to show, or the <see cref="Refusal"/> to answer with.</summary>
    public sealed record Admitted(Caller? Caller, CampaignScope? Scope, IResult? Refusal)
    {
        /// <summary>A dashboard page of this scope, its header naming the campaign's standard.</summary>
        public IResult Page<TBody>(string title, object model, int statusCode = StatusCodes.Status200OK, IReadOnlyList<string>? scripts = null)
            where TBody : IComponent =>
            RazorPage.Of<TBody>(title, model, statusCode, scripts, Scope?.StandardName);
    }
}
