using System.Text;
using GuanGong.Domain.Calendar;
using GuanGong.Domain.Organisations;
using GuanGong.Functions.Calendars;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;
using GuanGong.Functions.Statistics;
using Microsoft.Azure.Functions.Worker;
using static GuanGong.Functions.Pages.Html;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The 督查 page (<c>/d/{campaignId}/visits</c>): a township or the county sees the checks recorded in its subtree this year
/// and records one (date, who went, units visited, findings, files). Admitted like the dashboard: the signed-in
/// administrator or a committee's dashboard link.
/// </summary>
public sealed class VisitPages(HttpGate gate, DashboardSession session, Access access, CampaignScopes scopes, VisitRecorder visits)
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
            var caller = await CallerAsync(request.HttpContext, ct);
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

    private async Task<IResult> RenderAsync(HttpRequest request, string campaignId, string? error, bool saved, CancellationToken ct)
    {
        var caller = await CallerAsync(request.HttpContext, ct);
        if (caller is not (AdminCaller or CommitteeCaller))
        {
            return caller is null
                ? Results.Redirect("/d/login?next=" + Uri.EscapeDataString(request.Path + request.QueryString), permanent: false)
                : PageLayout.Message("无法查看", "单位的填报链接不能查看督查记录。", StatusCodes.Status403Forbidden);
        }

        var (scope, _) = await scopes.ResolveAsync(caller, campaignId, request.Query["root"].FirstOrDefault(), null, ct);
        if (scope is null)
        {
            return PageLayout.Message("无法查看", "找不到这次活动，或这个范围不在您可以查看的关工委之内。", StatusCodes.Status404NotFound);
        }

        var tree = scope.Tree;
        var root = tree.Get(scope.Root);
        var list = await visits.ListAsync(campaignId, scope.Year, tree, scope.Root, ct);
        var t = request.Query["t"].ToString();
        var html = new StringBuilder($"<h1>督查记录 · {E(root.Name)} · {scope.Year}年度</h1>")
            .Append("<p class=\"lead\">乡镇关工委每季度检查一次所属单位，县关工委每半年检查一次。每次检查后在这里登记。</p>");
        if (saved)
        {
            html.Append("<p class=\"notice ok\" role=\"status\">督查记录已保存。</p>");
        }

        if (error is not null)
        {
            html.Append($"<div class=\"notice\" role=\"alert\"><p class=\"error\">{E(error)}</p></div>");
        }

        html.Append($"<h2>已登记的检查（{list.Count} 次）</h2>");
        html.Append(list.Count == 0 ? "<p>本年度还没有登记检查。</p>" : "<ol class=\"pending\">" + string.Concat(list.Select(v =>
            $"<li><strong>{E(v.Date.Year + "年" + CampaignCalendarPlanner.Display(v.Date))}</strong> · {E(tree.Find(v.CommitteeCode)?.Name)}<br>检查人员：{E(v.Visitors)}"
            + (v.VisitedUnitCodes.Count > 0 ? $"<br>检查单位：{E(string.Join("、", v.VisitedUnitCodes.Select(u => tree.Find(u)?.Name ?? string.Empty)))}" : string.Empty)
            + $"<br>检查情况：{E(v.Findings)}"
            + (v.Attachments.Count > 0 ? $"<br>附件：{E(string.Join("、", v.Attachments.Select(a => a.FileName)))}" : string.Empty)
            + $"<br><span class=\"muted\">登记于 {E(CaseMail.China(v.RecordedAt))}</span></li>")) + "</ol>");

        if (root.Level is CommitteeLevel.County or CommitteeLevel.Township)
        {
            var action = $"/d/{Uri.EscapeDataString(campaignId)}/visits?root={Uri.EscapeDataString(scope.Root)}" + (t.Length > 0 ? "&t=" + Uri.EscapeDataString(t) : string.Empty);
            html.Append("<h2>登记一次检查</h2>")
                .Append($"<form method=\"post\" action=\"{E(action)}\" enctype=\"multipart/form-data\">")
                .Append("<label for=\"date\">检查日期</label><input id=\"date\" name=\"date\" type=\"date\" required>")
                .Append("<label for=\"visitors\">检查人员</label><input id=\"visitors\" name=\"visitors\" required maxlength=\"500\">")
                .Append("<fieldset><legend>检查的单位</legend>")
                .Append(string.Concat(tree.Descendants(scope.Root).Where(c => c.Level == CommitteeLevel.Grassroots || (root.Level == CommitteeLevel.County && c.Level == CommitteeLevel.Township))
                    .Select((c, i) => $"<label><input type=\"checkbox\" name=\"units\" value=\"{E(c.Code)}\"> {E(c.Name)}</label>")))
                .Append("</fieldset>")
                .Append("<label for=\"findings\">检查情况</label><textarea id=\"findings\" name=\"findings\" rows=\"6\" required maxlength=\"5000\"></textarea>")
                .Append("<label for=\"files\">附件（照片、记录等，可多选）</label><input id=\"files\" name=\"files\" type=\"file\" multiple>")
                .Append("<p><button type=\"submit\">保存督查记录</button></p></form>");
        }

        return PageLayout.Render("督查记录", html.ToString(), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, standardName: scope.StandardName);
    }

    private async Task<Caller?> CallerAsync(HttpContext http, CancellationToken ct) =>
        await session.IsSignedInAsync(http, ct) ? new AdminCaller() : await access.ResolveAsync(http, ct);
}
