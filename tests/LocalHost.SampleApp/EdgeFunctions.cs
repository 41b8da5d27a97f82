using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using FromBodyAttribute = Microsoft.Azure.Functions.Worker.Http.FromBodyAttribute;

namespace GuanGong.LocalHost.SampleApp;

/// <summary>A [FromBody] parameter and a function that throws.</summary>
public static class EdgeFunctions
{
    [Function("EchoBody")]
    public static IResult EchoBody(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "echo-body")] HttpRequest request,
        [FromBody] EchoRequest body) =>
        Results.Ok(new EchoResponse(body.Text ?? "", body.Times + 1));

    [Function("Boom")]
    public static IResult Boom(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "boom")] HttpRequest request) =>
        throw new InvalidOperationException("The sample fails on purpose.");
}
