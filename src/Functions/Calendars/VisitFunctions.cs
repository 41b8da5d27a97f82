using GuanGong.Domain;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Statistics;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Calendars;

/// <summary>督查 visits over HTTP: a township or the county records a check of its units; a subtree's visits of a year are listed.</summary>
public sealed class VisitFunctions(HttpGate gate, Access access, CampaignScopes scopes, VisitRecorder visits)
{
    public const int MaxAttachmentBytes = 8 * 1024 * 1024;

    [Function("RecordVisit")]
    [ApiOperation("Record a 督查 visit (a township's quarterly or the county's half-year check): date, who went, units visited, findings, files", Tag = "Calendar",
        RequestBody = typeof(VisitRequest), Response = typeof(InspectionVisit), ResponseStatus = 201, Problems = [400, 401, 403, 404, 413], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> Record(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/visits")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var json = await RequestBodies.ReadTextAsync(request.HttpContext, (MaxAttachmentBytes * 4 / 3) + (64 * 1024), ct);
            if (json is null)
            {
                return Problems.TooLarge("提交的内容太大（附件合计不能超过 8 MB）。", "The request is too large.");
            }

            var parsed = DomainJson.Parse<VisitRequest>(json, "visit.malformed");
            if (!parsed.IsSuccess)
            {
                return Problems.Validation(parsed.Errors, "提交的数据格式不正确。");
            }

            var recorded = await visits.RecordAsync(await access.ResolveAsync(request.HttpContext, ct), campaignId, parsed.Value, ct);
            return recorded.Visit is { } visit
                ? Results.Json(visit, DomainJson.Options, statusCode: StatusCodes.Status201Created)
                : recorded.Problem!;
        });

    [Function("ListVisits")]
    [ApiOperation("The 督查 visits of a year made by committees within the caller's subtree, newest first", Tag = "Calendar",
        Response = typeof(VisitList), Problems = [400, 401, 403, 404], Query = ["root:the subtree's committee code (default: the caller's own)", "year:the campaign year (default: the launched year)"],
        Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/visits")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (scope, refusal) = await scopes.ResolveQueryAsync(request, campaignId, ct);
            return scope is null
                ? refusal!
                : Results.Json(new VisitList(scope.Root, scope.Year, await visits.ListAsync(campaignId, scope.Year, scope.Tree, scope.Root, ct)), DomainJson.Options);
        });

    [Function("DownloadVisitAttachment")]
    [ApiOperation("One file recorded with a 督查 visit (its place in the visit's attachments, from 0), always as a download", Tag = "Calendar",
        Response = typeof(Stream), ResponseContentType = StoredFileResult.Unchecked, Problems = [400, 401, 403, 404],
        Query = ["root:the subtree's committee code (default: the caller's own); the visiting committee must be within it", "year:the visit's campaign year (default: the launched year)"],
        Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> DownloadAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/visits/{visitId}/attachments/{index}")] HttpRequest request,
        string campaignId,
        string visitId,
        string index,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (scope, refusal) = await scopes.ResolveQueryAsync(request, campaignId, ct);
            if (scope is null)
            {
                return refusal!;
            }

            return await visits.DownloadAttachmentAsync(campaignId, scope.Year, scope.Tree, scope.Root, visitId, index, ct)
                ?? Problems.NotFound("找不到这个附件：督查记录不在您的范围内，或附件已不存在。", $"Visit '{visitId}' has no attachment {index} within {scope.Root} in {scope.Year}.");
        });
}

/// <summary>A subtree's 督查 visits of a year, newest first.</summary>
public sealed record VisitList(string Root, int Year, IReadOnlyList<InspectionVisit> Visits);
