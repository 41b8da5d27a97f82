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
        Problems = [400, 401, 403, 404], Query = ["root:the subtree's committee code (default: the caller's own)", "year:the campaign year (default: the launched year)", "view:'kinds' for one row per kind of unit (应建, 已建, 组建率, 参评, 通过, 达标率) instead of one per unit"], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> ExportCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/results.csv")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, () => ExportAsync(campaignId, request, ".csv", ct));

    [Function("ExportResultsXlsx")]
    [ApiOperation("Results as an Excel workbook: one row per unit of the subtree", Tag = "Exports", Response = typeof(Stream), ResponseContentType = XlsxType,
        Problems = [400, 401, 403, 404], Query = ["root:the subtree's committee code (default: the caller's own)", "year:the campaign year (default: the launched year)", "view:'kinds' for one row per kind of unit (应建, 已建, 组建率, 参评, 通过, 达标率) instead of one per unit"], Security = ["adminKey", "apiKey", "link"])]
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

        var kinds = request.Query["view"].FirstOrDefault() == "kinds";
        var fileName = FileName(scope, kinds ? "组建和达标情况" : "评估结果", extension);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.CacheControl = "private, no-store";
        if (kinds)
        {
            var byKind = KindRows(scope);
            return extension == ".csv"
                ? Results.Bytes(CsvFile.Write(KindHeader, byKind), CsvType + "; charset=utf-8")
                : Results.Bytes(XlsxFile.Write($"{scope.Year}年组建和达标情况", KindHeader, byKind.Select(r => (IReadOnlyList<XlsxFile.Cell>)[.. r.Select(t => (XlsxFile.Cell)t)])), XlsxType);
        }

        var rows = ResultRows.Build(scope);
        return extension == ".csv"
            ? Results.Bytes(CsvFile.Write(ResultRows.Header, rows.Select(ResultRows.AsText)), CsvType + "; charset=utf-8")
            : Results.Bytes(XlsxFile.Write($"{scope.Year}年评估结果", ResultRows.Header, rows.Select(ResultRows.AsCells)), XlsxType);
    }

    /// <summary>The columns of the breakdown by kind (<c>?view=kinds</c>).</summary>
    public static readonly IReadOnlyList<string> KindHeader = ["类别", "应建", "已建", "组建率", "参评", "通过", "达标率"];

    // One row per kind of grassroots unit and a 合计 row: the units without a committee count in 应建 only.
    private static IReadOnlyList<IReadOnlyList<string?>> KindRows(CampaignScope scope)
    {
        var statuses = Domain.Statistics.Standings.StatusesAsOf(scope.UnitCases.ToList(), scope.Year);
        var coverage = Domain.Statistics.Coverage.ByKind(Domain.Statistics.PassRates.ByKind(scope.Tree, scope.Root, statuses), scope.WithoutCommittee);
        static IReadOnlyList<string?> Row(string name, Domain.Statistics.KindCoverage k) =>
            [name, Text(k.ShouldEstablish), Text(k.Established), k.EstablishedOfShould.Display, Text(k.Assessed), Text(k.Passed), new Domain.Statistics.Ratio(k.Passed, k.Assessed).Display];
        return [.. coverage.Select(k => Row(k.KindName, k)), Row("合计", Domain.Statistics.Coverage.Total(coverage))];
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // "五好创建-东镇关工委-2026年评估结果.xlsx": what a committee office would name it, minus characters file systems refuse.
    private static string FileName(CampaignScope scope, string what, string extension)
    {
        var name = $"{scope.Campaign.Settings.Name}-{scope.Tree.Get(scope.Root).Name}-{scope.Year}年{what}";
        var clean = new string([.. name.Where(c => !char.IsControl(c) && "<>:\"/\\|?*".IndexOf(c, StringComparison.Ordinal) < 0)]);
        return clean[..Math.Min(clean.Length, 120)] + extension;
    }
}
