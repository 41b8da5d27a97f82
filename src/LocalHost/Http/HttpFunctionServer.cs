using System.Net;
using System.Reflection;
using System.Text.Json;
using GuanGong.LocalHost.Invocation;
using GuanGong.LocalHost.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.Http;

/// <summary>
/// Serves the app's HTTP functions with ASP.NET Core on loopback: one endpoint per httpTrigger in
/// functions.metadata, methods as declared (endpoint routing answers 405 for a known route with another
/// method, 404 for anything else), each request in its own DI scope of the app's services.
/// </summary>
internal sealed partial class HttpFunctionServer : IAsyncDisposable
{
    private const string HttpContextKey = "HttpRequestContext";
    private readonly WebApplication _web;

    private HttpFunctionServer(WebApplication web, Uri baseAddress, IReadOnlyList<HttpFunctionRoute> routes)
    {
        _web = web;
        BaseAddress = baseAddress;
        Routes = routes;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<HttpFunctionRoute> Routes { get; }

    public static async Task<HttpFunctionServer> StartAsync(
        IReadOnlyList<HttpFunctionRoute> routes,
        int port,
        IServiceProvider appServices,
        Func<DurableTaskClient?> durableClient,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        // The host's own web server: its content root is the host's folder, so no appsettings.json of the
        // working directory (Kestrel endpoints, say) leaks into it; the app's configuration is the app's.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(HttpFunctionServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddRouting();
        var web = builder.Build();
        var logger = loggerFactory.CreateLogger("GuanGong.LocalHost.Http");
        foreach (var route in routes)
        {
            RequestDelegate handler = context => InvokeAsync(route.Function, context, appServices, durableClient, logger);
            var endpoint = route.Methods.Count == 0 ? web.Map(route.Pattern, handler) : web.MapMethods(route.Pattern, route.Methods, handler);
            endpoint.WithDisplayName(route.Function.Name);
        }

        await web.StartAsync(cancellationToken);
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return new HttpFunctionServer(web, baseAddress, routes);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _web.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _web.DisposeAsync();

    private static async Task InvokeAsync(
        LocalFunction function,
        HttpContext http,
        IServiceProvider appServices,
        Func<DurableTaskClient?> durableClient,
        ILogger logger)
    {
        await using var scope = appServices.CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in http.Request.Query)
        {
            data[key] = value.ToString();
        }

        foreach (var (key, value) in http.Request.RouteValues)
        {
            data[key] = value;
        }

        var context = new LocalFunctionContext(function.Definition, scope.ServiceProvider, data, http.RequestAborted);
        context.Items[HttpContextKey] = http;
        try
        {
            var body = await ReadBodyAsync(function, http);
            var result = await function.InvokeAsync(scope.ServiceProvider, context, (parameter, binding, _, out value) =>
                BindHttpParameter(http, durableClient, body, parameter, binding, out value), http.RequestAborted);
            await WriteResultAsync(http, result);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The Functions host answers an unhandled function exception with an empty 500.
            LogFailed(logger, ex, function.Name, context.InvocationId);
            if (!http.Response.HasStarted)
            {
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

    private static bool BindHttpParameter(
        HttpContext http,
        Func<DurableTaskClient?> durableClient,
        object? body,
        ParameterInfo parameter,
        FunctionBinding? binding,
        out object? value)
    {
        value = null;
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest))
        {
            value = http.Request;
            return true;
        }

        if (type == typeof(HttpContext))
        {
            value = http;
            return true;
        }

        if (binding is { } b && string.Equals(b.Type, "durableClient", StringComparison.OrdinalIgnoreCase))
        {
            value = durableClient() ?? throw new InvalidOperationException("This host runs no Durable engine, so [DurableClient] cannot be bound.");
            return true;
        }

        if (binding is { } trigger && string.Equals(trigger.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                $"The local host binds an HTTP trigger to HttpRequest (ASP.NET Core integration), not {type.Name}.");
        }

        if (IsFromBody(parameter))
        {
            value = body;
            return true;
        }

        return false;
    }

    private static bool IsFromBody(ParameterInfo parameter) =>
        parameter.GetCustomAttributesData().Any(a => a.AttributeType.Name == "FromBodyAttribute");

    private static async Task<object?> ReadBodyAsync(LocalFunction function, HttpContext http)
    {
        var parameter = function.Method.GetParameters().FirstOrDefault(IsFromBody);
        return parameter is null || http.Request.ContentLength == 0
            ? null
            : await JsonSerializer.DeserializeAsync(http.Request.Body, parameter.ParameterType, JsonSerializerOptions.Web, http.RequestAborted);
    }

    private static async Task WriteResultAsync(HttpContext http, object? result)
    {
        switch (result)
        {
            case null:
                return;
            case IResult minimal:
                await minimal.ExecuteAsync(http);
                return;
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                return;
            default:
                await Results.Json(result).ExecuteAsync(http);
                return;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} (invocation {InvocationId}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function, string invocationId);
}
