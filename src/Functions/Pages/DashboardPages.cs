using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Records;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Standards;
using GuanGong.Functions.Statistics;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The campaign dashboard for county and city staff: <c>GET /d/{campaignId}?root=&amp;year=</c> and a
/// case's page <c>GET /d/{campaignId}/cases/{caseId}</c>. Admitted: an administrator signed in through
/// <c>/d/login</c> (an HttpOnly session cookie; the key is never in a URL), or the holder of a
/// committee's dashboard link (<c>?t=</c>, read-only, its own subtree only).
/// </summary>
internal static class DashboardPages
{
    public static IServiceCollection AddDashboardPages(this IServiceCollection services) => services.AddSingleton<DashboardSession>();

    public static void MapDashboardPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/d/login", (string? next) => LoginPage(next, failed: false))
            .WithName("DashboardLoginPage")
            .WithSummary("The dashboard's sign-in form (admin key)")
            .ExcludeFromDescription();
        app.MapPost("/d/login", async (HttpContext http, DashboardSession session, CancellationToken ct) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
            var next = SafeNext(form?["next"]);
            return session.TrySignIn(http, form?["key"])
                ? Results.Redirect(next, permanent: false)
                : LoginPage(next, failed: true);
        })
        .WithName("DashboardLogin")
        .WithSummary("Signs an administrator in to the dashboard (sets an HttpOnly, SameSite=Strict session cookie)")
        .DisableAntiforgery()
        .ExcludeFromDescription();
        app.MapPost("/d/logout", (HttpContext http) =>
        {
            DashboardSession.SignOut(http);
            return Results.Redirect("/d/login", permanent: false);
        })
        .WithName("DashboardLogout")
        .WithSummary("Signs out of the dashboard")
        .DisableAntiforgery()
        .ExcludeFromDescription();
        app.MapGet("/d", async (HttpContext http, DashboardSession session, Campaigns.CampaignStore campaigns, CancellationToken ct) =>
        {
            if (!session.IsSignedIn(http))
            {
                return SignIn(http);
            }

            var list = await campaigns.ListAsync(ct);
            var items = string.Concat(list.OrderByDescending(c => c.CreatedAt).Select(c =>
                $"<li><a href=\"/d/{Html.E(Uri.EscapeDataString(c.Settings.Id))}\">{Html.E(c.Settings.Name)}</a>（{Html.E(c.Settings.Id)}{(c.LaunchedAt is null ? "，尚未启动" : string.Empty)}）</li>"));
            return PageLayout.Render("创建活动", $"<h1>创建活动</h1>{(list.Count == 0 ? "<p>还没有创建活动。</p>" : $"<ul class=\"pending\">{items}</ul>")}{DashboardViews.SignOutForm}");
        })
        .WithName("DashboardIndex")
        .WithSummary("The campaigns a signed-in administrator can open")
        .ExcludeFromDescription();
        app.MapGet("/d/{campaignId}", ShowAsync)
            .WithName("CampaignDashboard")
            .WithSummary("The campaign dashboard: pass rates per subtree as charts, late and stuck cases, look-back results, exports")
            .ExcludeFromDescription();
        app.MapGet("/d/{campaignId}/cases/{caseId}", CaseAsync)
            .WithName("DashboardCase")
            .WithSummary("One case's status, scores, decisions and history, for dashboard readers whose subtree holds it")
            .ExcludeFromDescription();
    }

    private static async Task<IResult> ShowAsync(
        string campaignId, string? root, int? year, string? t, HttpContext http, DashboardSession session, Access access, CampaignScopes scopes,
        AppTables tables, PassRateViews memo, ReviewLinks links, TimeProvider time, IConfiguration configuration, CancellationToken ct)
    {
        var caller = await CallerAsync(http, session, access, ct);
        if (caller is not (AdminCaller or CommitteeCaller))
        {
            return caller is null ? SignIn(http) : PageLayout.Message("无法查看", "单位的填报链接不能查看统计。", StatusCodes.Status403Forbidden);
        }

        var (scope, _) = await scopes.ResolveAsync(caller, campaignId, root, year, ct);
        if (scope is null)
        {
            return PageLayout.Message("无法查看", "找不到这次活动，或这个范围不在您可以查看的关工委之内。", StatusCodes.Status404NotFound);
        }

        var statistics = await StatisticsEndpoints.ComputeAsync(scope, tables, memo, time, configuration, ct);

        // Exports take the same credentials as the statistics; a signed-in administrator's buttons carry
        // a short-lived dashboard link for just this subtree rather than anything of the session.
        var exportToken = t is { Length: > 0 } ? t : links.DashboardToken(scope.Root, "admin", time.GetUtcNow() + TimeSpan.FromMinutes(30));
        var body = DashboardViews.Dashboard(scope, statistics, caller, t, exportToken);
        return PageLayout.Render("创建进度统计", body, scripts: ["/lib/echarts.min.js", "/assets/dashboard.js"]);
    }

    private static async Task<IResult> CaseAsync(
        string campaignId, string caseId, string? t, HttpContext http, DashboardSession session, Access access, CaseStore cases, CommitteeDirectory directory,
        TemplateResolver templates, AuditLog audit, EvidenceView evidence, CancellationToken ct)
    {
        var caller = await CallerAsync(http, session, access, ct);
        if (caller is not (AdminCaller or CommitteeCaller))
        {
            return caller is null ? SignIn(http) : PageLayout.Message("无法查看", "单位的填报链接不能查看统计。", StatusCodes.Status403Forbidden);
        }

        var @case = (await cases.GetAsync(caseId, ct))?.Value;
        var tree = await directory.GetTreeAsync(ct);
        if (@case is null || @case.CampaignId != campaignId || !Access.MayRead(caller, tree, @case.UnitCode))
        {
            return PageLayout.Message("找不到案件", "找不到这个案件，或它不在您可以查看的关工委之内。", StatusCodes.Status404NotFound);
        }

        var template = await templates.FindAsync(@case.Submission.SelfSheet.Template, ct);
        var reader = caller is CommitteeCaller committee ? "committee:" + committee.CommitteeCode : "admin";
        var files = await evidence.ListAsync(caseId, reader, ct);
        var history = await audit.ReadAsync(caseId, ct);
        return PageLayout.Render("案件详情", DashboardViews.Case(@case, template, tree, history, files, t));
    }

    private static async Task<Caller?> CallerAsync(HttpContext http, DashboardSession session, Access access, CancellationToken ct) =>
        session.IsSignedIn(http) ? new AdminCaller() : await access.ResolveAsync(http, ct);

    private static IResult SignIn(HttpContext http) =>
        Results.Redirect("/d/login?next=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString), permanent: false);

    // Only a dashboard path of this site may follow sign-in: never another host.
    private static string SafeNext(string? next) =>
        next is { Length: > 3 } && next.StartsWith("/d/", StringComparison.Ordinal) && !next.StartsWith("//", StringComparison.Ordinal) && !next.Contains('\\', StringComparison.Ordinal)
            ? next
            : "/d";

    private static IResult LoginPage(string? next, bool failed) => PageLayout.Render(
        "登录统计页面",
        "<h1>登录统计页面</h1>"
        + (failed ? "<div class=\"notice\" role=\"alert\"><p class=\"error\">密钥不正确，请重新输入。</p></div>" : string.Empty)
        + "<p class=\"lead\">请输入管理员密钥。县、市关工委工作人员也可以直接打开上级发来的统计链接，无需登录。</p>"
        + "<form method=\"post\" action=\"/d/login\">"
        + $"<input type=\"hidden\" name=\"next\" value=\"{Html.E(SafeNext(next))}\">"
        + "<label for=\"key\">管理员密钥</label><input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"current-password\" required>"
        + "<p><button type=\"submit\">登录</button></p></form>",
        failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
}
