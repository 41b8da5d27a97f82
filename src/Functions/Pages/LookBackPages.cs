using System.Globalization;
using System.Text;
using GuanGong.Domain.Organisations;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Commendations;
using GuanGong.Functions.Http;
using GuanGong.Functions.LookBacks;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Reviews;
using Microsoft.Azure.Functions.Worker;
using static GuanGong.Functions.Pages.Html;

namespace GuanGong.Functions.Pages;

/// <summary>
/// <c>GET /d/{campaignId}/lookback?year=</c>: the look-backs (回头看) and the year's naming (表彰/命名) for county and
/// township staff, read-only; the orders are made through the API. Same admission as the dashboard: an administrator
/// signed in, or a committee's dashboard link (<c>?t=</c>), which sees only what is in its subtree. Cards rather than
/// wide tables, so it reads at 360 px; names only, never codes.
/// </summary>
public sealed class LookBackPages(
    HttpGate gate, DashboardSession session, Access access, Campaigns.CampaignStore campaigns, CommitteeDirectory directory, LookBackStore lookBacks,
    CommendationService commendations, CaseStore cases, ReviewLinks links, TimeProvider time, FormNonces nonces)
{
    [Function("LookBackDashboard")]
    public Task<IResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d/{campaignId}/lookback")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var http = request.HttpContext;
            var t = request.Query["t"].FirstOrDefault();
            var caller = await session.IsSignedInAsync(http, ct) ? new AdminCaller() : await access.ResolveAsync(http, ct);
            if (caller is not (AdminCaller or CommitteeCaller))
            {
                return caller is null
                    ? Results.Redirect("/d/login?next=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString), permanent: false)
                    : PageLayout.Message("无法查看", "单位的填报链接不能查看回头看。", StatusCodes.Status403Forbidden);
            }

            var campaign = await campaigns.FindAsync(campaignId, ct);
            var tree = await directory.GetTreeAsync(ct);
            if (campaign is null || !tree.Contains(campaign.Settings.OrganiserCode))
            {
                return PageLayout.Message("无法查看", "找不到这次活动。", StatusCodes.Status404NotFound);
            }

            var settings = campaign.Settings;
            var year = int.TryParse(request.Query["year"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= settings.StartYear && y <= settings.EndYear
                ? y
                : campaign.LaunchYear ?? settings.StartYear;
            var seesOrganiser = Access.MayRead(caller, tree, settings.OrganiserCode);
            var drawn = (await lookBacks.ListAsync(campaignId, ct)).Where(l => l.Year == year).ToList();
            var caseById = new Dictionary<string, CaseRecord>(StringComparer.Ordinal);
            foreach (var unit in drawn.SelectMany(l => l.Units).Where(u => Access.MayRead(caller, tree, u.UnitCode)))
            {
                if (!caseById.ContainsKey(unit.CaseId) && (await cases.GetAsync(unit.CaseId, ct))?.Value is { } found)
                {
                    caseById[unit.CaseId] = found;
                }
            }

            var naming = seesOrganiser ? await commendations.ViewAsync(campaignId, year, ct) : null;
            var token = t is { Length: > 0 } ? t : links.DashboardToken(settings.OrganiserCode, "admin", time.GetUtcNow() + TimeSpan.FromMinutes(30));
            var body = Body(campaign, tree, year, caller, t, drawn, caseById, naming, token);
            var actions = await LookBackFormPages.ModelAsync(lookBacks, commendations, nonces, caller, campaign, tree, year, t, request.Query["done"].FirstOrDefault(), ct);
            return actions is null
                ? PageLayout.Render("回头看和表彰命名", body, standardName: settings.StandardName)
                : RazorPage.OfMarkupThen<Components.LookBackActions>("回头看和表彰命名", NarrowTables.AsCards(body), actions, standardName: settings.StandardName);
        });

    private static string Body(
        Campaigns.CampaignRecord campaign, OrganisationTree tree, int year, Caller caller, string? t, IReadOnlyList<LookBackRecord> drawn,
        IReadOnlyDictionary<string, CaseRecord> caseById, CommendationView? naming, string token)
    {
        var settings = campaign.Settings;
        var id = Uri.EscapeDataString(settings.Id);
        var link = t is { Length: > 0 } ? "&amp;t=" + E(Uri.EscapeDataString(t)) : string.Empty;
        var html = new StringBuilder();
        html.Append($"<nav class=\"crumbs\" aria-label=\"位置\"><a href=\"/d/{E(id)}?year={year}{link}\">返回创建进度统计</a></nav>")
            .Append($"<h1>{E(settings.Name)} · {year}年度回头看和表彰命名</h1>")
            .Append($"<p class=\"lead\">回头看按活动设定的比例（{E(settings.LookBackShare.Value.ToString("0.##", CultureInfo.InvariantCulture))}%）从已达标单位中随机抽取，抽取依据已记录，可随时复核。</p>");
        var years = Enumerable.Range(settings.StartYear, settings.EndYear - settings.StartYear + 1);
        html.Append("<p>年度：").Append(string.Join("　", years.Select(v => v == year ? $"<strong>{v}年</strong>" : $"<a href=\"/d/{E(id)}/lookback?year={v}{link}\">{v}年</a>"))).Append("</p>");

        html.Append("<h2>回头看抽查</h2>");
        var visible = drawn.Select(l => (LookBack: l, Units: l.Units.Where(u => Access.MayRead(caller, tree, u.UnitCode)).ToList())).Where(x => x.Units.Count > 0).ToList();
        if (visible.Count == 0)
        {
            html.Append("<p>本年度还没有回头看抽查。</p>");
        }

        foreach (var (lookBack, units) in visible)
        {
            html.Append("<section class=\"item\">")
                .Append($"<h3>{E(tree.Find(lookBack.CommitteeCode)?.Name ?? "上级关工委")}组织的抽查</h3>")
                .Append("<dl class=\"facts\">")
                .Append($"<dt>抽查时间</dt><dd>{E(CaseMail.China(lookBack.DrawnAt))}</dd>")
                .Append($"<dt>组织人</dt><dd>{E(PersonName(lookBack.DrawnBy, tree))}</dd>")
                .Append($"<dt>抽取</dt><dd>已达标 {lookBack.PassedUnitCodes.Count} 个，抽取 {lookBack.Units.Count} 个</dd>")
                .Append("</dl><ul class=\"history\">");
            foreach (var unit in units)
            {
                caseById.TryGetValue(unit.CaseId, out var @case);
                html.Append($"<li><strong>{E(unit.UnitName)}</strong>（{E(tree.Parent(unit.UnitCode)?.Name ?? string.Empty)}）：{Outcome(unit, @case)}");
                foreach (var finding in unit.Findings)
                {
                    html.Append($"<br><span class=\"muted\">检查情况（{E(finding.RecordedBy)}，{E(CaseMail.China(finding.RecordedAt))}）：{E(finding.Text)}</span>");
                }

                html.Append("</li>");
            }

            html.Append("</ul></section>");
        }

        if (naming is not null)
        {
            html.Append("<h2>表彰命名</h2>");
            if (naming.Approved is { } approved)
            {
                var query = $"t={E(Uri.EscapeDataString(token))}";
                var path = $"/api/campaigns/{E(id)}/commendations/{year}";
                html.Append($"<p class=\"notice ok\">{year}年度命名名单已审定（{E(approved.ApprovedBy)}，{E(CaseMail.China(approved.ApprovedAt))}），共 {approved.Units.Count} 个单位。</p>")
                    .Append("<ul class=\"history\">")
                    .Append(string.Concat(approved.Units.Select(u => $"<li>证书编号 {E(u.CertificateNumber)}：<strong>{E(u.UnitName)}</strong>（{E(u.ParentName)}，{E(u.KindName)}）{(u.Stands ? string.Empty : $" <span class=\"badge\">已撤销命名</span><br>{E(u.RevokedBecause)}")}</li>")))
                    .Append("</ul>")
                    .Append($"<p><a class=\"button\" href=\"{path}/decision.docx?{query}\" download>下载命名决定（文档）</a> ")
                    .Append($"<a class=\"button secondary\" href=\"{path}/certificates.xlsx?{query}\" download>下载证书名单（表格）</a> ")
                    .Append($"<a class=\"button secondary\" href=\"{path}/certificates.csv?{query}\" download>下载证书名单（文本表格）</a></p>");
            }
            else
            {
                html.Append(naming.Candidates.Count == 0
                    ? $"<p>{year}年度还没有验收达标、可以命名的单位。</p>"
                    : $"<p>{year}年度验收达标、可以命名的单位有 {naming.Candidates.Count} 个，命名名单尚待县关工委审定：</p><ul class=\"history\">"
                        + string.Concat(naming.Candidates.Select(u => $"<li>{E(u.UnitName)}（{E(u.ParentName)}）</li>")) + "</ul>");
            }
        }

        return html.ToString();
    }

    private static string Outcome(LookBackUnit unit, CaseRecord? @case) => unit.Order switch
    {
        LookBackOrder.Revocation => "<span class=\"badge\">已撤销达标资格</span>" + Reasons(@case),
        LookBackOrder.Rectification => (@case?.State.Status switch
        {
            Domain.Cases.CaseStatus.Passed => "<span class=\"badge ok\">限期整改后复核达标</span>",
            Domain.Cases.CaseStatus.ReturnedForRectification => $"<span class=\"badge\">限期整改中</span>{(@case.RectificationDueAt is { } due ? $"，须于 {E(CaseMail.China(due))} 前重新提交" : string.Empty)}",
            Domain.Cases.CaseStatus.Resubmitted or Domain.Cases.CaseStatus.UnderReview => "<span class=\"badge\">已重新提交，复核中</span>",
            _ => "<span class=\"badge\">限期整改未通过</span>",
        }) + Reasons(@case),
        _ => unit.Findings.Count == 0 ? "待检查" : "已检查，保持达标",
    };

    private static string Reasons(CaseRecord? @case) =>
        @case?.LookBack is { } order ? $"<br>理由：{E(string.Join("；", order.Reasons))}（{E(order.DecidedBy)}）" : string.Empty;

    // Who drew it: a person's name as given; a committee code (a key that named no one) reads as the committee's name.
    private static string PersonName(string drawnBy, OrganisationTree tree) => tree.Find(drawnBy)?.Name ?? drawnBy;
}
