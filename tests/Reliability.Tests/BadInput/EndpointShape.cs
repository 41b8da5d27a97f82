using Microsoft.AspNetCore.Routing;

namespace GuanGong.Reliability.Tests.BadInput;

/// <summary>One mapped endpoint as the attacker sees it: a method and a route template.</summary>
internal sealed record EndpointShape(string Method, string Template)
{
    public string Name => $"{Method} {Template}";

    /// <summary>Pages answer people in HTML; everything else answers programs in problem details.</summary>
    public bool IsHtmlPage => Template.StartsWith("/r/", StringComparison.Ordinal) || Template.StartsWith("/u/", StringComparison.Ordinal)
        || Template == "/d" || Template.StartsWith("/d/", StringComparison.Ordinal);

    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    public IReadOnlyList<string> Parameters =>
        [.. Template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}').Split(':', '=', '?')[0].TrimStart('*'))];

    /// <summary>Every route endpoint of the app, one shape per method.</summary>
    public static IReadOnlyList<EndpointShape> From(EndpointDataSource source) =>
        [.. source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new EndpointShape(m, "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))))
            .Distinct()
            .OrderBy(s => s.Template, StringComparer.Ordinal).ThenBy(s => s.Method, StringComparer.Ordinal)];
}
