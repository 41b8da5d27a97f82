using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Records;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Statistics;

/// <summary><c>GET /api/campaigns/{campaignId}/statistics?root=&amp;year=</c>: pass rates, targets, delays and township ratings.</summary>
public sealed class StatisticsFunctions(HttpGate gate, CampaignScopes scopes, PassRateViews memo, AppTables tables, TimeProvider time, IConfiguration configuration)
{
    public const string StuckAfterSetting = "GuanGong:Statistics:StuckAfterWorkingDays";
    public const int DefaultStuckAfterWorkingDays = 10;

    [Function("CampaignStatistics")]
    [ApiOperation("Pass rates per subtree, target progress, late and stuck cases per level, township ratings", Tag = "Statistics", Response = typeof(CampaignStatistics),
        Problems = [400, 401, 403, 404], Query = ["root:the subtree's committee code (default: the caller's own)", "year:the campaign year (default: the launched year)"], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/statistics")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (scope, refusal) = await scopes.ResolveQueryAsync(request, campaignId, ct);
            return scope is null ? refusal! : TypedResults.Ok(await ComputeAsync(scope, tables, memo, time, configuration, ct));
        });

    /// <summary>The statistics of a resolved scope, as the API and the dashboard page both show them: the year's ratings only, pass rates remembered while nothing changed.</summary>
    public static async Task<CampaignStatistics> ComputeAsync(CampaignScope scope, AppTables tables, PassRateViews memo, TimeProvider time, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var ratings = await YearRatings.ListAsync(tables, scope.Campaign.Settings.Id, scope.Year, cancellationToken);
        var stuckAfter = configuration.GetValue<int?>(StuckAfterSetting) is > 0 and var configured ? configured : DefaultStuckAfterWorkingDays;
        return StatisticsCalculator.Compute(scope, ratings, time.GetUtcNow(), stuckAfter, memo);
    }
}
