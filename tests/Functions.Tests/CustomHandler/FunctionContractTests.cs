using System.Text.Json.Nodes;
using GuanGong.Functions.Hosting;
using GuanGong.Functions.Hosting.CustomHandler;
using Microsoft.AspNetCore.Routing;

namespace GuanGong.Functions.Tests.CustomHandler;

/// <summary>
/// The Functions host only reaches what a function.json declares, and only what the app serves
/// answers: the two must agree exactly, and host.json must point the host at the handler.
/// </summary>
public sealed class FunctionContractTests
{
    [Fact]
    public void WriteFunctionFolders_EveryFunctionJson_MapsToAnEndpointTheAppServes()
    {
        var (endpoints, folder) = CreateSut();

        foreach (var file in Directory.GetFiles(folder, "function.json", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(file)!);
            var trigger = JsonNode.Parse(File.ReadAllText(file))!["bindings"]![0]!;
            var type = trigger["type"]!.GetValue<string>();
            if (type == "httpTrigger")
            {
                var route = trigger["route"]!.GetValue<string>();
                var methods = trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).ToList();
                Assert.True(
                    endpoints.Any(e => FunctionCatalog.RouteText(e.RoutePattern) == route && methods.All(m => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Contains(m))),
                    $"{name}: no endpoint serves {string.Join(",", methods)} {route}");
            }
            else
            {
                Assert.Contains(type, new[] { "queueTrigger", "timerTrigger" });
                Assert.Contains(endpoints, e => FunctionCatalog.RouteText(e.RoutePattern) == name && e.Metadata.GetMetadata<FunctionTrigger>() is not null);
            }
        }
    }

    [Fact]
    public void Endpoints_EveryPublicEndpoint_HasItsFunctionJson()
    {
        var (endpoints, folder) = CreateSut();
        var declared = Directory.GetDirectories(folder).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);

        var missing = endpoints
            .Where(e => !FunctionCatalog.RouteText(e.RoutePattern).StartsWith("dev/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is not { } name || !declared.Contains(name))
            .Select(e => e.DisplayName)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void WriteFunctionFolders_EngineQueues_OneTriggerPerControlPartitionAndTheWorkItemQueue()
    {
        var (_, folder) = CreateSut();

        var queues = Directory.GetFiles(folder, "function.json", SearchOption.AllDirectories)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!["bindings"]![0]!)
            .Where(b => b["type"]!.GetValue<string>() == "queueTrigger")
            .Select(b => b["queueName"]!.GetValue<string>())
            .Order()
            .ToList();

        Assert.Equal(["guangong-control-00", "guangong-control-01", "guangong-control-02", "guangong-control-03", "guangong-workitems"], queues);
    }

    [Fact]
    public void HostJson_IsAFunctionsCustomHandlerHostJsonForTheHandler()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(GuanGong.LocalStack.RepositoryRoot.Find()!, "host.json")))!;

        Assert.Equal("2.0", hostJson["version"]!.GetValue<string>());
        Assert.Equal("handler/GuanGong.Functions", hostJson["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.True(hostJson["customHandler"]!["enableForwardingHttpRequest"]!.GetValue<bool>());
        Assert.Equal(string.Empty, hostJson["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", hostJson["extensionBundle"]!["id"]!.GetValue<string>());
        Assert.Equal("GuanGong", hostJson["extensions"]!["durableTask"]!["hubName"]!.GetValue<string>());
    }

    private static (IReadOnlyList<RouteEndpoint> Endpoints, string Folder) CreateSut()
    {
        var app = AppHost.Build([], new Dictionary<string, string?> { ["GuanGong:Profile"] = "Azure", ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });
        var endpoints = AppHost.Endpoints(app).Endpoints.OfType<RouteEndpoint>().ToList();
        var folder = Directory.CreateTempSubdirectory("gg-functions").FullName;
        FunctionCatalog.WriteFunctionFolders(FunctionCatalog.Discover(AppHost.Endpoints(app)), folder);
        return (endpoints, folder);
    }
}
