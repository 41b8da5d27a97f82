using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Http;

/// <summary>
/// Every path no function answers: problem details (404, or 405 with <c>Allow</c> when another method of a known route was
/// asked for) with the explanation in Chinese, instead of the host's empty answer. It is the app's own catch-all function
/// (<c>{*path}</c>), so the Functions host in Azure and the local host behave alike: both route literal and parameter
/// segments before a catch-all, so it only ever receives what no other function's route matched.
/// </summary>
public sealed class UnknownRoutes
{
    public const string FunctionName = "UnknownRoute";

    private static readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, string[] Methods)>> Known = new(KnownRoutes);

    [Function(FunctionName)]
    public Task<IResult> Answer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "{*path}")] HttpRequest request) =>
        // Not through the gate: its route-value check would refuse the catch-all's own value (a path has slashes).
        Task.FromResult(Explain(request.HttpContext));

    private static IResult Explain(HttpContext context)
    {
        var path = context.Request.Path.HasValue ? context.Request.Path.Value! : "/";
        var allowed = AllowedMethods(path);
        if (allowed.Count > 0)
        {
            context.Response.Headers.Allow = string.Join(", ", allowed);
            return Refuse(context, StatusCodes.Status405MethodNotAllowed, "method-not-allowed", "该地址不支持这种请求方式。", $"该地址只接受 {string.Join("、", allowed)} 请求。");
        }

        return Refuse(context, StatusCodes.Status404NotFound, "no-such-route", "找不到该地址。", "该地址不存在，请检查链接是否完整、是否抄错。");
    }

    // A person's browser (it asks for HTML first) gets the same words as a page; every other client problem details.
    private static IResult Refuse(HttpContext context, int status, string code, string title, string detail) =>
        WantsPage(context)
            ? Pages.PageLayout.Message(title, detail, status)
            : Problems.Problem(status, code, title, detail);

    private static bool WantsPage(HttpContext context) =>
        context.Request.GetTypedHeaders().Accept is { Count: > 0 } accept
        && accept.OrderByDescending(a => a.Quality ?? 1).First().MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The methods the app's functions accept on <paramref name="path"/>; empty when no function's route matches it.</summary>
    public static IReadOnlyList<string> AllowedMethods(string path) =>
        [.. Known.Value.Where(k => k.Matcher.TryMatch(path, new RouteValueDictionary())).SelectMany(k => k.Methods).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static IReadOnlyList<(TemplateMatcher, string[])> KnownRoutes() =>
        [.. typeof(UnknownRoutes).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>()?.Name is { } name && name != FunctionName)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .Where(t => t.Route is not null)
            .Select(t => (new TemplateMatcher(TemplateParser.Parse(t.Route!), new RouteValueDictionary()), (t.Methods ?? []).Select(m => m.ToUpperInvariant()).ToArray()))];
}
