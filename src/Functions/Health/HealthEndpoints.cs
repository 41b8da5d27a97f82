namespace GuanGong.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when blob, queue and table all answer with our credentials, else 503.</summary>
internal static class HealthEndpoints
{
    public static IServiceCollection AddStorageHealth(this IServiceCollection services) => services.AddSingleton<StorageHealth>();

    public static void MapHealth(this IEndpointRouteBuilder api) =>
        api.MapGet("/health", async (StorageHealth health, CancellationToken cancellationToken) =>
        {
            var services = await health.CheckAsync(cancellationToken);
            var healthy = services.All(s => s.Reachable && s.Authorized);
            return Results.Json(
                new { status = healthy ? "healthy" : "unhealthy", storage = services.ToDictionary(s => s.Service) },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        })
        .WithName("Health")
        .WithSummary("Storage reachability per service");
}
