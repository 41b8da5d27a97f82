using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.SampleApp;

/// <summary>Static HTTP functions: route values, IActionResult and IResult results, a JSON body.</summary>
public static class HttpFunctions
{
    [Function("GetGreeting")]
    public static IActionResult GetGreeting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "greetings/{name}")] HttpRequest request,
        string name,
        FunctionContext context)
    {
        context.GetLogger("GetGreeting").LogInformation("Greeting {Name}", name);
        var greeter = context.InstanceServices.GetRequiredService<Greeter>();
        return new OkObjectResult(new { greeting = greeter.Greet(name), query = request.Query["q"].ToString() });
    }

    [Function("GetItem")]
    public static Task<IActionResult> GetItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id:int}")] HttpRequest request,
        int id,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IActionResult result = id == 0 ? new NotFoundResult() : new OkObjectResult(new { id, doubled = id * 2 });
        return Task.FromResult(result);
    }

    [Function("Echo")]
    public static async Task<IResult> Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "echo")] HttpRequest request)
    {
        var body = await request.ReadFromJsonAsync<EchoRequest>(request.HttpContext.RequestAborted);
        return body is null || string.IsNullOrEmpty(body.Text)
            ? Results.BadRequest(new { error = "text is required" })
            : Results.Ok(new EchoResponse(body.Text.ToUpperInvariant(), body.Times));
    }

    [Function("Ticks")]
    public static IResult Ticks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ticks")] HttpRequest request)
    {
        var log = request.HttpContext.RequestServices.GetRequiredService<TickLog>();
        return Results.Ok(new { count = log.Ticks.Count });
    }
}
