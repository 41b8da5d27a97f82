namespace GuanGong.Functions.Health;

/// <summary>
/// <c>GET /api/health</c>: 200 when blob, queue and table all answer with our credentials and every
/// in-flight orchestration replays on this build (the start-up version check), else 503.
/// </summary>
internal static class HealthEndpoints
{
    public static IServiceCollection AddStorageHealth(this IServiceCollection services) => services.AddSingleton<StorageHealth>();

    public static void MapHealth(this IEndpointRouteBuilder api) =>
        api.MapGet("/health", async (StorageHealth health, Records.StorageInitializer startup, CancellationToken cancellationToken) =>
        {
            var services = await health.CheckAsync(cancellationToken);
            var check = startup.VersionCheck;
            var healthy = services.All(s => s.Reachable && s.Authorized) && (check?.AllCompatible ?? true);
            var engine = new
            {
                inFlightChecked = check?.Instances.Count,
                incompatible = check?.Incompatible.Select(i => new { i.InstanceId, i.Name, i.Version, i.Problem }).ToList(),
            };
            return Results.Json(
                new { status = healthy ? "healthy" : "unhealthy", storage = services.ToDictionary(s => s.Service), engine },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        })
        .WithName("Health")
        .WithSummary("Storage reachability per service");
}
