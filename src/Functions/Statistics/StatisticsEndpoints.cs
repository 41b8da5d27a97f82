using GuanGong.Functions.Records;

namespace GuanGong.Functions.Statistics;

/// <summary><c>GET /api/campaigns/{campaignId}/statistics?root=&amp;year=</c>: pass rates, targets, delays and township ratings.</summary>
internal static class StatisticsEndpoints
{
    public const string StuckAfterSetting = "GuanGong:Statistics:StuckAfterWorkingDays";
    public const int DefaultStuckAfterWorkingDays = 10;

    public static IServiceCollection AddCampaignStatistics(this IServiceCollection services) => services.AddSingleton<CampaignScopes>().AddSingleton<PassRateViews>();

    public static void MapCampaignStatistics(this IEndpointRouteBuilder api) =>
        api.MapGet("/campaigns/{campaignId}/statistics", GetAsync)
            .WithName("CampaignStatistics")
            .WithTags("Statistics")
            .WithSummary("Pass rates per subtree, target progress, late and stuck cases per level, township ratings")
            .Produces<CampaignStatistics>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> GetAsync(
        string campaignId, string? root, int? year, HttpContext context, CampaignScopes scopes, PassRateViews memo, AppTables tables, TimeProvider time, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var (scope, refusal) = await scopes.ResolveAsync(context, campaignId, root, year, cancellationToken);
        if (scope is null)
        {
            return refusal!;
        }

        return TypedResults.Ok(await ComputeAsync(scope, tables, memo, time, configuration, cancellationToken));
    }

    /// <summary>The statistics of a resolved scope, as the API and the dashboard page both show them: the year's ratings only, pass rates remembered while nothing changed.</summary>
    public static async Task<CampaignStatistics> ComputeAsync(CampaignScope scope, AppTables tables, PassRateViews memo, TimeProvider time, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var ratings = await YearRatings.ListAsync(tables, scope.Campaign.Settings.Id, scope.Year, cancellationToken);
        var stuckAfter = configuration.GetValue<int?>(StuckAfterSetting) is > 0 and var configured ? configured : DefaultStuckAfterWorkingDays;
        return StatisticsCalculator.Compute(scope, ratings, time.GetUtcNow(), stuckAfter, memo);
    }
}
