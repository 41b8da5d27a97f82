using GuanGong.Functions.Calendars;
using GuanGong.Functions.Http;
using GuanGong.Functions.Statistics;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The 督查 page (<c>/d/{campaignId}/visits</c>): a township or the county sees the checks recorded in its subtree this year
/// and records one (date, who went, units visited, findings, files), and downloads a recorded file. Admitted like the dashboard: the signed-in
/// administrator or a committee's dashboard link.
/// </summary>
public sealed class VisitPages(HttpGate gate, DashboardAdmission admission, CampaignScopes scopes, VisitRecorder visits)
{
    [Function("VisitsPage")]
    public Task<IResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d/{campaignId}/visits")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, () => RenderAsync(request, campaignId, null, request.Query["saved"].FirstOrDefault() == "true", ct));

    [Function("VisitsRecord")]
    public Task<IResult> Record(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "d/{campaignId}/visits")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var caller = await admission.CallerAsync(request.HttpContext, ct);
            var (scope, _) = await scopes.ResolveAsync(caller, campaignId, request.Query["root"].FirstOrDefault(), null, ct);
            if (scope is null || !request.HasFormContentType)
            {
                return PageLayout.Message("无法登记", "找不到这次活动，或您无权在此登记。", StatusCodes.Status404NotFound);
            }

            var form = await request.ReadFormAsync(ct);
            var uploads = new List<VisitAttachmentUpload>();
            foreach (var file in form.Files.Where(f => f.Length > 0))
            {
                await using var stream = file.OpenReadStream();
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory, ct);
                uploads.Add(new VisitAttachmentUpload(Path.GetFileName(file.FileName), Convert.ToBase64String(memory.ToArray())));
            }

            var date = DateOnly.TryParse(form["date"].ToString(), System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : default;
            var recorded = await visits.RecordAsync(caller, campaignId, new VisitRequest(date, form["visitors"].ToString(), form["findings"].ToString(), scope.Root, [.. form["units"].Where(u => u is { Length: > 0 }).Cast<string>()], uploads), ct);
            if (recorded.Visit is null)
            {
                return await RenderAsync(request, campaignId, "请检查：日期、检查人员和检查情况都要填写，附件合计不超过 8 MB。", false, ct);
            }

            var back = $"/d/{Uri.EscapeDataString(campaignId)}/visits?root={Uri.EscapeDataString(scope.Root)}&saved=true" + (request.Query["t"].ToString() is { Length: > 0 } t ? "&t=" + Uri.EscapeDataString(t) : string.Empty);
            return Results.Redirect(back, permanent: false);
        });

    [Function("VisitAttachmentPage")]
    public Task<IResult> Attachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d/{campaignId}/visits/{visitId}/files/{index}")] HttpRequest request,
        string campaignId,
        string visitId,
        string index,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var admitted = await admission.AdmitAsync(request.HttpContext, campaignId, request.Query["root"].FirstOrDefault(), null, "单位的填报链接不能查看督查记录。", ct);
            if (admitted.Scope is not { } scope)
            {
                return admitted.Refusal!;
            }

            return await visits.DownloadAttachmentAsync(campaignId, scope.Year, scope.Tree, scope.Root, visitId, index, ct)
                ?? PageLayout.Message("找不到附件", "这个附件已不存在，或这条督查记录不在您可以查看的范围内。", StatusCodes.Status404NotFound);
        });

    private async Task<IResult> RenderAsync(HttpRequest request, string campaignId, string? error, bool saved, CancellationToken ct)
    {
        var admitted = await admission.AdmitAsync(request.HttpContext, campaignId, request.Query["root"].FirstOrDefault(), null, "单位的填报链接不能查看督查记录。", ct);
        if (admitted.Scope is not { } scope)
        {
            return admitted.Refusal!;
        }

        var list = await visits.ListAsync(campaignId, scope.Year, scope.Tree, scope.Root, ct);
        return admitted.Page<Components.VisitsBody>(
            "督查记录",
            new Components.VisitsBody.Data(campaignId, scope.Tree, scope.Root, scope.Year, list, request.Query["t"].FirstOrDefault(), saved, error),
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
