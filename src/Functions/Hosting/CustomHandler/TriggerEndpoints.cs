using System.Text.Json;

namespace GuanGong.Functions.Hosting.CustomHandler;

/// <summary>
/// Maps queue- and timer-triggered functions at <c>POST /{name}</c>, where the Functions host posts a
/// custom handler's invocations. A handler that throws answers 500, so the host leaves the queue
/// message for a retry (and moves it to the poison queue after maxDequeueCount).
/// These routes are the host's, not the public's: a forged control message would be a decision no
/// link authorised. They answer only when the app is driven by the Functions host's triggers
/// (<c>GuanGong:Engine:Dispatch=QueueTriggers</c>; standalone, the app's own loops do this work) and
/// only to a caller on loopback, where the host talks to its handler; anyone else gets 404.
/// </summary>
internal static class TriggerEndpoints
{
    /// <summary>A queue message as the host delivered it.</summary>
    public sealed record QueueInvocation(string MessageText, long DequeueCount, string? MessageId);

    public static RouteHandlerBuilder MapQueueFunction(
        this IEndpointRouteBuilder app, string name, string queueName, Func<QueueInvocation, IServiceProvider, CancellationToken, Task<string?>> handler) =>
        app.MapPost("/" + name, async (HttpContext context) =>
        {
            if (!IsHostInvocation(context))
            {
                return Results.NotFound();
            }

            var request = await ReadAsync(context);
            if (request?.TriggerText("message") is not { } text)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The invocation has no Data.message.");
            }

            var invocation = new QueueInvocation(text, request.MetadataInt64("DequeueCount") ?? 1, request.Metadata?.GetValueOrDefault("Id").ToString());
            var log = await handler(invocation, context.RequestServices, context.RequestAborted);
            return Results.Json(new HostInvocationResponse([], log is null ? [] : [log], null));
        })
        .WithName(name)
        .WithMetadata(new QueueFunctionTrigger(queueName))
        .ExcludeFromDescription();

    public static RouteHandlerBuilder MapTimerFunction(
        this IEndpointRouteBuilder app, string name, string schedule, Func<IServiceProvider, CancellationToken, Task<string?>> handler) =>
        app.MapPost("/" + name, async (HttpContext context) =>
        {
            if (!IsHostInvocation(context))
            {
                return Results.NotFound();
            }

            if (await ReadAsync(context) is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The invocation body is not the Functions host's JSON payload.");
            }

            var log = await handler(context.RequestServices, context.RequestAborted);
            return Results.Json(new HostInvocationResponse([], log is null ? [] : [log], null));
        })
        .WithName(name)
        .WithMetadata(new TimerFunctionTrigger(schedule))
        .ExcludeFromDescription();

    private static bool IsHostInvocation(HttpContext context) =>
        Cases.Workflow.WorkflowRegistration.UsesQueueTriggers(context.RequestServices.GetRequiredService<IConfiguration>())
        && context.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote);

    private static async Task<HostInvocationRequest?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<HostInvocationRequest>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
