using System.Globalization;
using GuanGong.Domain;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Exports;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Organisations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;

namespace GuanGong.Functions.Commendations;

/// <summary>
/// 表彰/命名 over HTTP: read a year's candidates and approved list, the county approves the list (admin key, or the
/// organiser's API key), then downloads the naming decision (.docx) and the certificate list (.csv, .xlsx). Reading
/// takes the same credentials as the statistics of the organiser's subtree.
/// </summary>
public sealed class CommendationFunctions(HttpGate gate, Access access, CampaignStore campaigns, CommitteeDirectory directory, CommendationService commendations, Standards.TemplateResolver templates)
{
    /// <summary>The certificate list's columns.</summary>
    public static readonly IReadOnlyList<string> CertificateHeader = ["证书编号", "单位名称", "所属上级", "类别", "验收得分", "命名年度", "称号"];

    [Function("GetCommendations")]
    [ApiOperation("A year's naming (表彰/命名): the candidates the verdicts give and the list approved", Tag = "Commendations",
        Response = typeof(CommendationView), Problems = [400, 401, 403, 404], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/commendations/{year}")] HttpRequest request,
        string campaignId,
        string year,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (y, refusal) = await ReadableAsync(request, campaignId, year, ct);
            if (refusal is not null)
            {
                return refusal;
            }

            var view = await commendations.ViewAsync(campaignId, y, ct);
            return view is null ? NotFound(campaignId) : Results.Json(view, DomainJson.Options);
        });

    [Function("ApproveCommendations")]
    [ApiOperation("The county approves the year's naming list from the verdicts (all candidates, or the units named)", Tag = "Commendations",
        RequestBody = typeof(CommendationRequest), Response = typeof(CommendationRecord), Problems = [400, 401, 403, 404, 409, 413], Security = ["adminKey", "apiKey"])]
    public Task<IResult> Approve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/campaigns/{campaignId}/commendations/{year}")] HttpRequest request,
        string campaignId,
        string year,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            if (!TryYear(year, out var y))
            {
                return BadYear();
            }

            var caller = await access.ResolveAsync(request.HttpContext, ct);
            var campaign = await campaigns.FindAsync(campaignId, ct);
            if (caller is null)
            {
                return Problems.Unauthorized("请使用管理员密钥或县关工委的访问密钥。", "The admin key or the organiser's API key is required.");
            }

            if (campaign is null)
            {
                return NotFound(campaignId);
            }

            if (caller is not (AdminCaller or CommitteeCaller { Via: "api-key" }) || (caller is CommitteeCaller c && c.CommitteeCode != campaign.Settings.OrganiserCode))
            {
                return Problems.Forbidden("只有组织创建活动的关工委可以审定命名名单。", "Only the organiser approves the naming list.");
            }

            var (body, problem) = await RequestBodies.ReadJsonAsync<CommendationRequest>(request, "commendation.malformed", ct);
            if (body is null)
            {
                return problem!;
            }

            var (record, errors, status) = await commendations.ApproveAsync(campaignId, y, body, RequestOrigin.From(request.HttpContext), ct);
            return record is not null ? Results.Json(record, DomainJson.Options) : Problems.Refusal(errors, status);
        });

    [Function("NamingDecisionDocx")]
    [ApiOperation("The naming decision (关于命名……的决定) of an approved list, as a Word document", Tag = "Commendations",
        Response = typeof(Stream), ResponseContentType = NamingDecisionDocument.ContentType, Problems = [400, 401, 403, 404], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> Decision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/commendations/{year}/decision.docx")] HttpRequest request,
        string campaignId,
        string year,
        CancellationToken ct) =>
        DownloadAsync(request, campaignId, year, naming =>
            (NamingDecisionDocument.Title(naming.Year, naming.Standard) + ".docx",
             NamingDecisionDocument.Build(naming.Record with { Units = naming.Record.Standing }, naming.CampaignName, naming.Organiser, naming.Standard),
             NamingDecisionDocument.ContentType), ct);

    [Function("CertificatesCsv")]
    [ApiOperation("The certificate list of an approved naming, as CSV (UTF-8 with BOM)", Tag = "Commendations",
        Response = typeof(Stream), ResponseContentType = ExportFunctions.CsvType, Problems = [400, 401, 403, 404], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> CertificatesCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/commendations/{year}/certificates.csv")] HttpRequest request,
        string campaignId,
        string year,
        CancellationToken ct) =>
        DownloadAsync(request, campaignId, year, naming =>
            (naming.CertificatesName + ".csv", CsvFile.Write(CertificateHeader, naming.Rows), ExportFunctions.CsvType + "; charset=utf-8"), ct);

    [Function("CertificatesXlsx")]
    [ApiOperation("The certificate list of an approved naming, as an Excel workbook", Tag = "Commendations",
        Response = typeof(Stream), ResponseContentType = ExportFunctions.XlsxType, Problems = [400, 401, 403, 404], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> CertificatesXlsx(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/commendations/{year}/certificates.xlsx")] HttpRequest request,
        string campaignId,
        string year,
        CancellationToken ct) =>
        DownloadAsync(request, campaignId, year, naming =>
            (naming.CertificatesName + ".xlsx",
             XlsxFile.Write($"{naming.Year}年度证书名单", CertificateHeader, naming.Rows.Select(r => (IReadOnlyList<XlsxFile.Cell>)[.. r.Select(t => (XlsxFile.Cell)t)])),
             ExportFunctions.XlsxType), ct);

    /// <summary>One row of the certificate list.</summary>
    public static IReadOnlyList<string?> CertificateRow(CommendationRecord record, CommendedUnit unit, string standardName)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(unit);
        return [unit.CertificateNumber, unit.UnitName, unit.ParentName, unit.KindName, unit.Score?.ToString(CultureInfo.InvariantCulture), record.Year.ToString(CultureInfo.InvariantCulture), $"{record.Year}年度“{standardName}”"];
    }

    /// <summary>An approved naming as the downloads print it: only the units whose naming stands (a look-back may have taken one back).</summary>
    private sealed record Naming(int Year, CommendationRecord Record, string CampaignName, string Organiser, string Standard)
    {
        public string CertificatesName => $"{Year}年度“{Standard}”证书名单";

        public IReadOnlyList<IReadOnlyList<string?>> Rows => [.. Record.Standing.Select(u => CertificateRow(Record, u, Standard))];
    }

    // Every download has one shape: the reader's right to the naming, the approved list, then the file as an attachment.
    private Task<IResult> DownloadAsync(HttpRequest request, string campaignId, string year, Func<Naming, (string FileName, byte[] Bytes, string ContentType)> render, CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (y, refusal) = await ReadableAsync(request, campaignId, year, ct);
            if (refusal is not null)
            {
                return refusal;
            }

            var campaign = (await campaigns.FindAsync(campaignId, ct))!;
            var record = await commendations.ApprovedAsync(campaignId, y, ct);
            if (record is null)
            {
                return Problems.NotFound("本年度的命名名单尚未审定。", $"No naming list is approved for {y}.");
            }

            var tree = await directory.GetTreeAsync(ct);
            var organiser = tree.Find(campaign.Settings.OrganiserCode)?.Name ?? campaign.Settings.OrganiserCode;
            var template = await templates.FindAsync(campaign.Settings.Template, ct);
            var standard = template is null ? campaign.Settings.StandardName ?? Standards.StandardNames.NoCampaign : campaign.Settings.StandardNameFor(template);
            var (fileName, bytes, contentType) = render(new Naming(y, record, campaign.Settings.Name, organiser, standard));
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(Clean(fileName));
            request.HttpContext.Response.Headers.ContentDisposition = disposition.ToString();
            request.HttpContext.Response.Headers.CacheControl = "private, no-store";
            return Results.Bytes(bytes, contentType);
        });

    private async Task<(int Year, IResult? Refusal)> ReadableAsync(HttpRequest request, string campaignId, string year, CancellationToken ct)
    {
        if (!TryYear(year, out var y))
        {
            return (0, BadYear());
        }

        var caller = await access.ResolveAsync(request.HttpContext, ct);
        if (caller is null)
        {
            return (0, Problems.Unauthorized("请使用管理员密钥、关工委访问密钥或统计链接查看。", "The admin key, a committee API key or a dashboard link is required."));
        }

        var campaign = await campaigns.FindAsync(campaignId, ct);
        if (campaign is null)
        {
            return (0, NotFound(campaignId));
        }

        var tree = await directory.GetTreeAsync(ct);
        return caller is UnitCaller || !Access.MayRead(caller, tree, campaign.Settings.OrganiserCode)
            ? (0, Problems.Forbidden("只有组织创建活动的关工委及其上级可以查看命名名单。", "Only the organiser and the committees above it read the naming."))
            : (y, null);
    }

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100;

    private static IResult BadYear() => Problems.BadRequest("commendation.year_invalid", "年度格式不正确。", "The year must be a number between 2000 and 2100.");

    private static IResult NotFound(string campaignId) => Problems.NotFound("找不到这次创建活动。", $"There is no campaign '{campaignId}'.");

    private static string Clean(string name) =>
        new([.. name.Where(c => !char.IsControl(c) && "<>:\"/\\|?*".IndexOf(c, StringComparison.Ordinal) < 0)]);
}
