using GuanGong.LocalHost.Invocation;

namespace GuanGong.LocalHost.Http;

/// <summary>An HTTP function's route as served: the host.json prefix plus the trigger's route (default: the function name).</summary>
internal sealed record HttpFunctionRoute(LocalFunction Function, string Pattern, IReadOnlyList<string> Methods)
{
    public static HttpFunctionRoute For(LocalFunction function, string routePrefix)
    {
        var trigger = function.Metadata.Trigger!;
        var route = (trigger.Route ?? function.Name).Trim('/');
        var pattern = string.IsNullOrEmpty(routePrefix) ? route : $"{routePrefix}/{route}";
        return new HttpFunctionRoute(function, "/" + pattern, [.. trigger.Methods.Select(m => m.ToUpperInvariant())]);
    }
}
