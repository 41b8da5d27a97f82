using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when blob, queue and table all answer with our credentials, else 503.</summary>
public sealed class HealthFunctions(StorageHealth health, HttpGate gate)
{
    [Function("Health")]
    [ApiOperation("Storage reachability per service")]
    public Task<IResult> GetHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, async () =>
        {
            var services = await health.CheckAsync(cancellationToken);
            var healthy = services.All(s => s.Reachable && s.Authorized);
            return Results.Json(
                new { status = healthy ? "healthy" : "unhealthy", storage = services.ToDictionary(s => s.Service) },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }, needsStorage: false);
}
