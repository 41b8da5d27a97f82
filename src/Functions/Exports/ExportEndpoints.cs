using GuanGong.Functions.Statistics;
using Microsoft.Net.Http.Headers;

namespace GuanGong.Functions.Exports;

/// <summary>
/// <c>GET /api/campaigns/{campaignId}/results.csv</c> and <c>.xlsx</c>: one row per unit of the
/// subtree, with the same access and the same <c>root</c>/<c>year</c> filters as the statistics.
/// </summary>
internal static class ExportEndpoints
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapCampaignExports(this IEndpointRouteBuilder api)
    {
        api.MapGet("/campaigns/{campaignId}/results.csv", (string campaignId, string? root, int? year, HttpContext context, CampaignScopes scopes, CancellationToken cancellationToken) =>
                ExportAsync(campaignId, root, year, context, scopes, ".csv", cancellationToken))
            .WithName("ExportResultsCsv")
            .WithTags("Exports")
            .WithSummary("Results as CSV (UTF-8 with BOM): one row per unit of the subtree")
            .Produces<Stream>(StatusCodes.Status200OK, CsvType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/campaigns/{campaignId}/results.xlsx", (string campaignId, string? root, int? year, HttpContext context, CampaignScopes scopes, CancellationToken cancellationToken) =>
                ExportAsync(campaignId, root, year, context, scopes, ".xlsx", cancellationToken))
            .WithName("ExportResultsXlsx")
            .WithTags("Exports")
            .WithSummary("Results as an Excel workbook: one row per unit of the subtree")
            .Produces<Stream>(StatusCodes.Status200OK, XlsxType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ExportAsync(string campaignId, string? root, int? year, HttpContext context, CampaignScopes scopes, string extension, CancellationToken cancellationToken)
    {
        var (scope, refusal) = await scopes.ResolveAsync(context, campaignId, root, year, cancellationToken);
        if (scope is null)
        {
            return refusal!;
        }

        var rows = ResultRows.Build(scope);
        var fileName = FileName(scope, extension);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.CacheControl = "private, no-store";
        return extension == ".csv"
            ? Results.Bytes(CsvWriter.Write(ResultRows.Header, rows.Select(ResultRows.AsText)), CsvType + "; charset=utf-8")
            : Results.Bytes(XlsxWriter.Write($"{scope.Year}年评估结果", ResultRows.Header, rows.Select(ResultRows.AsCells)), XlsxType);
    }

    // "五好创建-东镇关工委-2026年评估结果.xlsx": what a committee office would name it, minus characters file systems refuse.
    private static string FileName(CampaignScope scope, string extension)
    {
        var name = $"{scope.Campaign.Settings.Name}-{scope.Tree.Get(scope.Root).Name}-{scope.Year}年评估结果";
        var clean = new string([.. name.Where(c => !char.IsControl(c) && "<>:\"/\\|?*".IndexOf(c, StringComparison.Ordinal) < 0)]);
        return clean[..Math.Min(clean.Length, 120)] + extension;
    }
}
