using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using GuanGong.Domain;
using GuanGong.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of the JSON API, served at <c>/api/openapi.json</c>. It is built from the
/// functions themselves — each <c>[Function]</c> with an <c>[HttpTrigger]</c> under <c>api/</c> gives
/// its route and methods, its <see cref="ApiOperationAttribute"/> the rest — so it cannot drift from
/// what the Functions host serves (a contract test holds it to <c>functions.metadata</c>). Schemas
/// come from the contracts' own types through System.Text.Json's schema exporter, with the options
/// the API serialises with.
/// </summary>
public sealed partial class ApiDocument
{
    public const string Path = "/api/openapi.json";
    public const string Title = "GuanGong 关工 API";

    private readonly Lazy<string> _json = new(() => Build(typeof(ApiDocument).Assembly).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Every HTTP function of the assembly under <c>api/</c>: its name, route, methods and method.</summary>
    public static IReadOnlyList<(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Method)> ApiFunctions(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = new List<(string, string, IReadOnlyList<string>, MethodInfo)>();
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (trigger?.Route is { } route && route.StartsWith("api/", StringComparison.Ordinal))
            {
                functions.Add((function.Name, route, [.. (trigger.Methods ?? []).Select(m => m.ToUpperInvariant())], method));
            }
        }

        return [.. functions.OrderBy(f => f.Item2, StringComparer.Ordinal).ThenBy(f => f.Item1, StringComparer.Ordinal)];
    }

    [Function("OpenApiDocument")]
    [ApiOperation("This API's OpenAPI document", Tag = "Meta")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest request) =>
        Results.Text(_json.Value, "application/json; charset=utf-8");

    public static JsonObject Build(Assembly assembly)
    {
        var schemas = new SchemaSet();
        var paths = new JsonObject();
        foreach (var (name, route, methods, method) in ApiFunctions(assembly))
        {
            var operation = method.GetCustomAttribute<ApiOperationAttribute>()
                ?? throw new InvalidOperationException($"The HTTP function {name} has no [ApiOperation]: every function under api/ is documented.");
            var path = "/" + RouteConstraint().Replace(route, "{$1}");
            var item = paths[path] as JsonObject ?? [];
            paths[path] = item;
            foreach (var verb in methods)
            {
                item[verb.ToLowerInvariant()] = Operation(name, route, operation, schemas);
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = Title,
                ["version"] = "v1",
                ["description"] = "基层关工委创建评估（五好、六好、五有五好等标准）：自评申报、台账上传、逐级审核、统计与导出。Errors are RFC 9457 problem details (Chinese title, English detail).",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components,
                ["securitySchemes"] = new JsonObject
                {
                    ["adminKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = AccessKeys.AdminKeyHeader, ["description"] = "The administrator's key." },
                    ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = Access.ApiKeyHeader, ["description"] = "A committee's API key (issued by an administrator)." },
                    ["link"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "The signed token of an emailed unit or dashboard link." },
                },
            },
        };
    }

    private static JsonObject Operation(string name, string route, ApiOperationAttribute operation, SchemaSet schemas)
    {
        var parameters = new JsonArray();
        foreach (Match m in RouteParameter().Matches(route))
        {
            parameters.Add(new JsonObject { ["name"] = m.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        foreach (var query in operation.Query)
        {
            var (qName, description) = query.IndexOf(':', StringComparison.Ordinal) is var i and > 0 ? (query[..i], query[(i + 1)..]) : (query, string.Empty);
            parameters.Add(new JsonObject { ["name"] = qName, ["in"] = "query", ["required"] = false, ["description"] = description, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        var responses = new JsonObject
        {
            [operation.ResponseStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Response("Success", operation.Response, operation.ResponseContentType, schemas),
        };
        foreach (var status in operation.Problems.Order())
        {
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = "Problem details",
                ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = schemas.Reference(typeof(ProblemDocument)) } },
            };
        }

        var result = new JsonObject
        {
            ["operationId"] = name,
            ["summary"] = operation.Summary,
            ["tags"] = new JsonArray(operation.Tag ?? "API"),
            ["parameters"] = parameters,
            ["responses"] = responses,
        };
        if (operation.Description is { } description2)
        {
            result["description"] = description2;
        }

        if (operation.RequestBody is { } body)
        {
            result["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { [operation.RequestContentType] = new JsonObject { ["schema"] = schemas.Reference(body) } },
            };
        }

        if (operation.Security.Length > 0)
        {
            result["security"] = new JsonArray([.. operation.Security.Select(s => (JsonNode)new JsonObject { [s] = new JsonArray() })]);
        }

        return result;
    }

    // Several content types may be named, comma-separated (a ledger is a PDF, an image or an Office file).
    private static JsonObject Response(string description, Type? type, string contentTypes, SchemaSet schemas)
    {
        if (type is null)
        {
            return new JsonObject { ["description"] = description };
        }

        var content = new JsonObject();
        foreach (var contentType in contentTypes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            content[contentType] = new JsonObject { ["schema"] = schemas.Reference(type) };
        }

        return new JsonObject { ["description"] = description, ["content"] = content };
    }

    /// <summary>The shape of every error answer (RFC 9457), for the document.</summary>
    private sealed record ProblemDocument(string Type, string Title, int Status, string Detail, string? Code);

    /// <summary>The document's component schemas, one per contract type, derived with the API's own JSON options.</summary>
    private sealed class SchemaSet
    {
        public JsonObject Components { get; } = [];

        public JsonObject Reference(Type type)
        {
            if (type == typeof(Stream))
            {
                return new JsonObject { ["type"] = "string", ["contentMediaType"] = "application/octet-stream" };
            }

            if (type == typeof(string))
            {
                return new JsonObject { ["type"] = "string" };
            }

            var key = type.Name;
            if (!Components.ContainsKey(key))
            {
                Components[key] = DomainJson.Options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
            }

            return new JsonObject { ["$ref"] = "#/components/schemas/" + key };
        }
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
