using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace GuanGong.Functions.Hosting.CustomHandler;

/// <summary>
/// The app's function table, read from its own endpoints so it cannot drift from them: every named
/// endpoint is an HTTP function (host.json sets an empty routePrefix, so a function's route is the
/// app's path: <c>api/…</c> for the JSON API, <c>r/…</c> for pages); every endpoint carrying a
/// <see cref="FunctionTrigger"/> is a queue or timer function served at <c>POST /{name}</c>, the path
/// the Functions host posts custom-handler invocations to.
/// </summary>
internal static partial class FunctionCatalog
{
    public static IReadOnlyList<FunctionDefinition> Discover(EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var functions = new List<FunctionDefinition>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            var trigger = endpoint.Metadata.GetMetadata<FunctionTrigger>();
            var route = RouteText(endpoint.RoutePattern);
            if (trigger is not null)
            {
                functions.Add(new FunctionDefinition(ValidName(name ?? route), TriggerJson(trigger)));
            }
            else if (name is not null)
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
                functions.Add(new FunctionDefinition(ValidName(name), HttpJson(route, methods)));
            }
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? functions
            : throw new InvalidOperationException($"Two endpoints are both function '{duplicate.Key}'; function names must be unique.");
    }

    /// <summary>Writes one folder per function, each with its function.json, as the host expects beside host.json.</summary>
    public static void WriteFunctionFolders(IEnumerable<FunctionDefinition> functions, string root)
    {
        foreach (var function in functions)
        {
            var folder = Path.Combine(root, function.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "function.json"), function.FunctionJson.ToJsonString(new() { WriteIndented = true }) + "\n");
        }
    }

    internal static string RouteText(RoutePattern pattern) => (pattern.RawText ?? string.Empty).TrimStart('/');

    private static JsonObject HttpJson(string route, IReadOnlyList<string> methods) => new()
    {
        ["bindings"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "httpTrigger",
                ["direction"] = "in",
                ["name"] = "req",
                ["authLevel"] = "anonymous",
                ["methods"] = new JsonArray([.. methods.Select(m => (JsonNode)JsonValue.Create(m.ToLowerInvariant()))]),
                ["route"] = route,
            },
            new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
    };

    private static JsonObject TriggerJson(FunctionTrigger trigger) => trigger switch
    {
        QueueFunctionTrigger queue => new JsonObject
        {
            ["bindings"] = new JsonArray(new JsonObject
            {
                ["type"] = "queueTrigger",
                ["direction"] = "in",
                ["name"] = "message",
                ["queueName"] = queue.QueueName,
                ["connection"] = FunctionsConfiguration.StorageSetting,
            }),
        },
        TimerFunctionTrigger timer => new JsonObject
        {
            ["bindings"] = new JsonArray(new JsonObject
            {
                ["type"] = "timerTrigger",
                ["direction"] = "in",
                ["name"] = "timer",
                ["schedule"] = timer.Schedule,
                ["runOnStartup"] = false,
                ["useMonitor"] = true,
            }),
        },
        _ => throw new InvalidOperationException($"Unknown trigger {trigger.GetType().Name}."),
    };

    private static string ValidName(string name) =>
        FunctionName().IsMatch(name) ? name : throw new InvalidOperationException($"'{name}' is not a valid Azure Functions function name (a letter, then letters, digits, '_' or '-', at most 127).");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,126}$")]
    private static partial Regex FunctionName();
}
