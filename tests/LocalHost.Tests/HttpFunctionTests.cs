using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GuanGong.LocalHost.Metadata;
using GuanGong.LocalHost.SampleApp;

namespace GuanGong.LocalHost.Tests;

public sealed class HttpFunctionTests
{
    [Fact]
    public async Task Routes_FromFunctionsMetadata_EveryHttpTriggerServedWithPrefix()
    {
        await using var host = await SampleHost.StartAsync();
        var expected = FunctionMetadataFile.Read(Path.GetDirectoryName(typeof(SampleServices).Assembly.Location)!)
            .Where(f => f.Trigger?.Type == "httpTrigger")
            .Select(f => $"{string.Join(',', f.Trigger!.Methods.Select(m => m.ToUpperInvariant()))} /api/{f.Trigger.Route}")
            .Order()
            .ToList();

        Assert.Equal(10, expected.Count);
        Assert.Equal(expected, host.Routes.Order().ToList());
    }

    [Fact]
    public async Task Get_RouteValueAndQuery_BoundAndIActionResultWritten()
    {
        await using var host = await SampleHost.StartAsync();
        using var client = host.Client();

        var body = await client.GetFromJsonAsync<JsonElement>("api/greetings/bob?q=x");

        Assert.Equal("Hello, bob", body.GetProperty("greeting").GetString());
        Assert.Equal("x", body.GetProperty("query").GetString());
    }

    [Fact]
    public async Task Get_IntConstraint_BindsIntAndRejectsOthers()
    {
        await using var host = await SampleHost.StartAsync();
        using var client = host.Client();

        var body = await client.GetFromJsonAsync<JsonElement>("api/items/21");
        using var notInt = await client.GetAsync("api/items/abc");
        using var zero = await client.GetAsync("api/items/0");

        Assert.Equal(42, body.GetProperty("doubled").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, notInt.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, zero.StatusCode);
    }

    [Fact]
    public async Task Request_UnknownPathOrWrongMethod_404Or405()
    {
        await using var host = await SampleHost.StartAsync();
        using var client = host.Client();

        using var unknown = await client.GetAsync("api/nothing");
        using var withoutPrefix = await client.GetAsync("greetings/bob");
        using var wrongMethod = await client.PostAsync("api/greetings/bob", null);
        using var getOnPost = await client.GetAsync("api/echo");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withoutPrefix.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, getOnPost.StatusCode);
    }

    [Fact]
    public async Task Post_JsonBody_IResultWritten()
    {
        await using var host = await SampleHost.StartAsync();
        using var client = host.Client();

        using var ok = await client.PostAsJsonAsync("api/echo", new EchoRequest("abc", 3));
        using var bad = await client.PostAsJsonAsync("api/echo", new EchoRequest("", 0));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(new EchoResponse("ABC", 3), await ok.Content.ReadFromJsonAsync<EchoResponse>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Invocation_NonStaticClass_OneScopePerRequestSingletonShared()
    {
        await using var host = await SampleHost.StartAsync();
        using var client = host.Client();

        var first = (await client.GetFromJsonAsync<ScopeReport>("api/scopes"))!;
        var second = (await client.GetFromJsonAsync<ScopeReport>("api/scopes"))!;

        Assert.Equal(first.ConstructorScope, first.ContextScope);
        Assert.Equal(first.ConstructorScope, first.RequestScope);
        Assert.NotEqual(first.ConstructorScope, second.ConstructorScope);
        Assert.Equal(first.Invocation + 1, second.Invocation);
        Assert.True(first.SameHttpContext);
        Assert.Equal("Scopes", first.FunctionName);
        Assert.NotEqual(first.InvocationId, second.InvocationId);
    }

    [Fact]
    public async Task RoutePrefix_OverriddenBySetting_ServedWithoutPrefix()
    {
        await using var host = await SampleHost.StartAsync(o => o.Settings["AzureFunctionsJobHost__extensions__http__routePrefix"] = "");
        using var client = host.Client();

        using var response = await client.GetAsync("greetings/ann");

        Assert.Equal("", host.HostJson.RoutePrefix);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DisabledSetting_Function_NotServed()
    {
        await using var host = await SampleHost.StartAsync(o => o.Settings["AzureWebJobs.GetItem.Disabled"] = "true");
        using var client = host.Client();

        using var response = await client.GetAsync("api/items/1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(host.Functions, f => f.Name == "GetItem");
    }

    [Fact]
    public async Task Post_FromBodyParameter_DeserialisedFromJson()
    {
        await using var host = await SampleHost.StartAsync();
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync("api/echo-body", new { text = "hi", times = 1 });

        Assert.Equal(new EchoResponse("hi", 2), await response.Content.ReadFromJsonAsync<EchoResponse>());
    }

    [Fact]
    public async Task Get_FunctionThrows_Empty500()
    {
        await using var host = await SampleHost.StartAsync();
        using var client = host.Client();

        using var response = await client.GetAsync("api/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }
}
