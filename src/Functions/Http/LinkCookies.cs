using System.Security.Cryptography;
using System.Text;
using GuanGong.Domain.Links;

namespace GuanGong.Functions.Http;

/// <summary>
/// Takes emailed link tokens out of URLs at first use. A valid token in <c>/r/{token}…</c> or
/// <c>/u/{token}…</c> is exchanged for a short-lived HttpOnly, SameSite=Strict cookie scoped to the
/// link's own path, <c>/r/{handle}</c> (the handle is a hash of the token: it names the page, it opens
/// nothing), and a GET is answered 303 to that path; a dashboard link's <c>?t=</c> on <c>/d…</c> becomes
/// a cookie for <c>/d</c> and is dropped from the URL. The Functions host's request logs and any
/// Referer then see a token at most once, in the request that carried it. Exchanging spends nothing:
/// mail scanners that follow the link get a redirect and a cookie, and the page still changes nothing.
/// </summary>
public sealed class LinkCookies(IServiceProvider services, TimeProvider time, IConfiguration configuration)
{
    public const string CookieName = "gg_link";
    public const string DashboardCookieName = "gg_dlink";
    public const string HandlePrefix = "h-";

    /// <summary>How long an exchanged link works from the browser before the mail's link must be clicked again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private const string TokenItem = "gg.link-token";
    private const string RetryQuery = "again";

    private readonly bool _alwaysSecure = !Hosting.AppComposition.IsLocalProfile(configuration);

    /// <summary>The handle a token's pages live under: <c>h-</c> and 128 bits of its SHA-256.</summary>
    public static string HandleOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return HandlePrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("guangong-link-handle:" + token)))[..32];
    }

    /// <summary>The token a function's route segment stands for: the cookie's token for a handle, else the segment itself.</summary>
    public static string TokenFor(HttpRequest request, string routeToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Items[TokenItem] is string token && routeToken == HandleOf(token) ? token : routeToken;
    }

    /// <summary>The dashboard link held in the <c>/d</c> cookie, if any.</summary>
    public static string? DashboardToken(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/d", StringComparison.OrdinalIgnoreCase) && context.Request.Cookies.TryGetValue(DashboardCookieName, out var token) && token.Length > 0
            ? token
            : null;
    }

    /// <summary>
    /// Hands the browser a link the app has just signed, the way a mailed link is exchanged: the token goes into the
    /// HttpOnly cookie of its own path and the returned path (<c>/{kind}/{handle}</c>) carries none.
    /// </summary>
    public string Grant(HttpContext context, string kind, string token, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = $"/{kind}/{HandleOf(token)}";
        context.Response.Cookies.Append(CookieName, token, Options(context, path, expiresAt));
        return path;
    }

    /// <summary>Exchanges a token in the URL, or resolves a handle from its cookie; the answer to send instead of the function's, or null to go on.</summary>
    public IResult? Exchange(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value ?? string.Empty;
        var segments = path.Split('/');
        if (segments.Length >= 3 && segments[0].Length == 0 && segments[1] is "r" or "R" or "u" or "U")
        {
            return ExchangeLink(context, segments[1].ToLowerInvariant(), segments[2], string.Join('/', segments[3..]));
        }

        if (segments.Length >= 2 && segments[1].Equals("d", StringComparison.OrdinalIgnoreCase) && context.Request.Query["t"].ToString() is { Length: > 0 } dashboardToken
            && IsGet(context) && Verifies(dashboardToken, out var expires))
        {
            context.Response.Cookies.Append(DashboardCookieName, dashboardToken, Options(context, "/d", expires));
            var query = QueryString.Create(context.Request.Query.Where(q => !q.Key.Equals("t", StringComparison.OrdinalIgnoreCase)));
            return SeeOther(path + query);
        }

        return null;
    }

    private IResult? ExchangeLink(HttpContext context, string kind, string segment, string rest)
    {
        var suffix = rest.Length > 0 ? "/" + rest : string.Empty;
        if (segment.StartsWith(HandlePrefix, StringComparison.Ordinal))
        {
            var token = context.Request.Cookies.TryGetValue(CookieName, out var held) && HandleOf(held) == segment ? held : null;
            if (token is not null)
            {
                context.Items[TokenItem] = token;
                return null;
            }

            // A browser that followed the link from a web-mail page (a cross-site navigation) keeps a
            // SameSite=Strict cookie out of the redirect it was given; a navigation from this page sends it.
            if (IsGet(context) && context.Request.Query[RetryQuery].Count == 0)
            {
                var again = context.Request.Path + QueryString.Create(context.Request.Query.Append(new(RetryQuery, "1")));
                return Pages.RazorPage.Of<Pages.Components.ReopeningBody>("正在打开", again.ToString());
            }

            return Pages.PageLayout.Message("请重新打开链接", "为了安全，请重新点击邮件中的链接打开此页面。", StatusCodes.Status403Forbidden);
        }

        if (!Verifies(segment, out var expiresAt))
        {
            return null; // the function explains what is wrong with it
        }

        var handle = HandleOf(segment);
        context.Response.Cookies.Append(CookieName, segment, Options(context, $"/{kind}/{handle}", expiresAt));
        context.Items[TokenItem] = segment;
        return IsGet(context) ? SeeOther($"/{kind}/{handle}{suffix}{context.Request.QueryString}") : null;
    }

    private bool Verifies(string token, out DateTimeOffset expiresAt)
    {
        // The key ring is asked for only here: a profile without link keys still serves everything that needs none.
        var verified = ApprovalTokens.Verify(token, services.GetRequiredService<LinkKeyRing>(), time.GetUtcNow(), new TokenExpectation());
        expiresAt = verified.Claims?.ExpiresAt ?? default;
        return verified.IsValid;
    }

    private CookieOptions Options(HttpContext context, string path, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps || _alwaysSecure,
            Path = path,
            MaxAge = expiresAt - now < Lifetime ? expiresAt - now : Lifetime,
            IsEssential = true,
        };
    }

    private static bool IsGet(HttpContext context) => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);

    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
