using GuanGong.Functions.Statistics;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;

namespace GuanGong.Functions.Exports;

/// <summary>
/// <c>GET /api/campaigns/{campaignId}/results.csv</c> and <c>.xlsx</c>: one row per unit of the
/// subtree, with the same access and the same <c>root</c>/<c>year</c> filters as the statistics.
/// </summary>
public sealed class ExportFunctions(HttpGate gate, CampaignScopes scopes, ExportLinks exportLinks)
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Function("ExportResultsCsv")]
    [ApiOperation("Results as CSV (UTF-8 with BOM): one row per unit of the subtree", Tag = "Exports", Response = typeof(Stream), ResponseContentType = CsvType,
        Problems = [400, 401, 403, 404], Query = ["root:the subtree's committee code (default: the caller's own)", "year:the campaign year (default: the launched year)"], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> ExportCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/results.csv")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, () => ExportAsync(campaignId, request, ".csv", ct));

    [Function("ExportResultsXlsx")]
    [ApiOperation("Results as an Excel workbook: one row per unit of the subtree", Tag = "Exports", Response = typeof(Stream), ResponseContentType = XlsxType,
        Problems = [400, 401, 403, 404], Query = ["root:the subtree's committee code (default: the caller's own)", "year:the campaign year (default: the launched year)"], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> ExportXlsx(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/results.xlsx")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, () => ExportAsync(campaignId, request, ".xlsx", ct));

    private async Task<IResult> ExportAsync(string campaignId, HttpRequest request, string extension, CancellationToken cancellationToken)
    {
        var context = request.HttpContext;
        // The dashboard's buttons carry a one-purpose export token (it opens nothing else); programs use their key or link.
        var (scope, refusal) = exportLinks.RootFor(request.Query["t"].FirstOrDefault(), campaignId) is { } exportRoot
            ? await scopes.ResolveAsync(new CommitteeCaller(exportRoot, "export-link"), campaignId, request.Query["root"].FirstOrDefault() is { Length: > 0 } root ? root : null, int.TryParse(request.Query["year"].FirstOrDefault(), out var year) ? year : null, cancellationToken)
            : await scopes.ResolveQueryAsync(request, campaignId, cancellationToken);
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
            ? Results.Bytes(CsvFile.Write(ResultRows.Header, rows.Select(ResultRows.AsText)), CsvType + "; charset=utf-8")
            : Results.Bytes(XlsxFile.Write($"{scope.Year}年评估结果", ResultRows.Header, rows.Select(ResultRows.AsCells)), XlsxType);
    }

    // "五好创建-东镇关工委-2026年评估结果.xlsx": what a committee office would name it, minus characters file systems refuse.
    private static string FileName(CampaignScope scope, string extension)
    {
        var name = $"{scope.Campaign.Settings.Name}-{scope.Tree.Get(scope.Root).Name}-{scope.Year}年评估结果";
        var clean = new string([.. name.Where(c => !char.IsControl(c) && "<>:\"/\\|?*".IndexOf(c, StringComparison.Ordinal) < 0)]);
        return clean[..Math.Min(clean.Length, 120)] + extension;
    }
}
