using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Records;
using GuanGong.Functions.Standards;
using GuanGong.Functions.Statistics;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The campaign dashboard for county and city staff: <c>GET /d/{campaignId}?root=&amp;year=</c> and a
/// case's page <c>GET /d/{campaignId}/cases/{caseId}</c>. Admitted: an administrator signed in through
/// <c>/d/login</c> (an HttpOnly session cookie; the key is never in a URL), or the holder of a
/// committee's dashboard link (<c>?t=</c>, read-only, its own subtree only).
/// </summary>
public sealed class DashboardPages(
    HttpGate gate, DashboardSession session, Access access, Campaigns.CampaignStore campaigns, CampaignScopes scopes, AppTables tables, PassRateViews memo, Exports.ExportLinks links,
    TimeProvider time, IConfiguration configuration, CaseStore cases, CommitteeDirectory directory, TemplateResolver templates, AuditLog audit, EvidenceView evidence,
    Calendars.SubmissionChaser chaser)
{
    [Function("DashboardLoginPage")]
    public Task<IResult> LoginForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d/login")] HttpRequest request) =>
        gate.Run(request, () => HasControlCharacters(request.Query["next"].FirstOrDefault())
            ? PageLayout.Message("无法登录", "登录后的跳转地址不正确，请重新打开统计页面。", StatusCodes.Status400BadRequest)
            : LoginPage(request.Query["next"].FirstOrDefault(), failed: false), needsStorage: false);

    [Function("DashboardLogin")]
    public Task<IResult> Login(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "d/login")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var http = request.HttpContext;
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
            if (HasControlCharacters(form?["next"]))
            {
                return PageLayout.Message("无法登录", "登录后的跳转地址不正确，请重新打开统计页面。", StatusCodes.Status400BadRequest);
            }

            if (session.IsThrottled(http))
            {
                return AdminKeyThrottle.TooMany(http);
            }

            var next = SafeNext(form?["next"]);
            return session.TrySignIn(http, form?["key"])
                ? Results.Redirect(next, permanent: false)
                : LoginPage(next, failed: true);
        }, needsStorage: false);

    [Function("DashboardLogout")]
    public Task<IResult> Logout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "d/logout")] HttpRequest request) =>
        gate.Run(request, () =>
        {
            DashboardSession.SignOut(request.HttpContext);
            return Results.Redirect("/d/login", permanent: false);
        }, needsStorage: false);

    [Function("DashboardIndex")]
    public Task<IResult> Index(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var http = request.HttpContext;
            if (!await session.IsSignedInAsync(http, ct))
            {
                return SignIn(http);
            }

            var list = await campaigns.ListAsync(ct);
            var items = string.Concat(list.OrderByDescending(c => c.CreatedAt).Select(c =>
                $"<li><a href=\"/d/{Html.E(Uri.EscapeDataString(c.Settings.Id))}\">{Html.E(c.Settings.Name)}</a>（{Html.E(c.Settings.Id)}{(c.LaunchedAt is null ? "，尚未启动" : string.Empty)}）</li>"));
            return PageLayout.Render("创建活动", $"<h1>创建活动</h1>{(list.Count == 0 ? "<p>还没有创建活动。</p>" : $"<ul class=\"pending\">{items}</ul>")}{DashboardViews.SignOutForm}");
        });

    [Function("CampaignDashboard")]
    public Task<IResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d/{campaignId}")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, () => ShowAsync(
            campaignId, request.Query["root"].FirstOrDefault(), int.TryParse(request.Query["year"].FirstOrDefault(), out var year) ? year : null, request.Query["t"].FirstOrDefault(),
            request.HttpContext, session, access, scopes, tables, memo, links, time, configuration, audit, chaser, ct));

    [Function("DashboardCase")]
    public Task<IResult> Case(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d/{campaignId}/cases/{caseId}")] HttpRequest request,
        string campaignId,
        string caseId,
        CancellationToken ct) =>
        gate.RunAsync(request, () => CaseAsync(campaignId, caseId, request.Query["t"].FirstOrDefault(), request.HttpContext, session, access, cases, directory, templates, audit, evidence, ct));

    private static async Task<IResult> ShowAsync(
        string campaignId, string? root, int? year, string? t, HttpContext http, DashboardSession session, Access access, CampaignScopes scopes,
        AppTables tables, PassRateViews memo, Exports.ExportLinks links, TimeProvider time, IConfiguration configuration, AuditLog audit,
        Calendars.SubmissionChaser chaser, CancellationToken ct)
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

        var statistics = await StatisticsFunctions.ComputeAsync(scope, tables, memo, time, configuration, ct);

        // The export buttons carry a one-purpose token, minutes long, for just this campaign and subtree:
        // never the page's own dashboard link or anything of the session (it reads no case or ledger).
        var exportToken = links.Issue(campaignId, scope.Root);
        // The target-year changes of units in this subtree (预达标年度调整), from the campaign's audit trail.
        var changes = (await Campaigns.CampaignYearFunctions.TargetYearChangesAsync(audit, campaignId, ct))
            .Where(c => scope.Tree.Contains(c.UnitCode) && CommitteeDirectory.IsWithin(scope.Tree, c.UnitCode, scope.Root))
            .ToList();
        var body = DashboardViews.Dashboard(scope, statistics, caller, t, exportToken, changes, time.GetUtcNow())
            + CalendarSection.Render(await chaser.ViewAsync(scope, ct), campaignId, scope.Root, scope.Year, t, http.Request.Query["resent"].FirstOrDefault());
        return PageLayout.Render("创建进度统计", body, scripts: ["/lib/echarts.min.js", "/assets/dashboard.js"], standardName: scope.StandardName);
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
            return PageLayout.Message("找不到申报", "找不到这份申报，或它不在您可以查看的关工委之内。", StatusCodes.Status404NotFound);
        }

        var template = await templates.FindAsync(@case.Submission.SelfSheet.Template, ct);
        var reader = caller is CommitteeCaller committee ? "committee:" + committee.CommitteeCode : "admin";
        var files = await evidence.ListAsync(caseId, reader, ct);
        var history = await audit.ReadAsync(caseId, ct);
        var lines = history.Select(e => HistoryLabels.Describe(e, code => tree.Find(code)?.Name, template)).ToList();
        return RazorPage.Of<Components.DashboardCaseBody>(
            "申报详情",
            new Components.DashboardCaseBody.Data(@case, template, Domain.Scoring.TownshipRule.TownshipOf(tree, @case.UnitCode), code => tree.Find(code)?.Name ?? "上级关工委", lines, files, t));
    }

    private static async Task<Caller?> CallerAsync(HttpContext http, DashboardSession session, Access access, CancellationToken ct) =>
        await session.IsSignedInAsync(http, ct) ? new AdminCaller() : await access.ResolveAsync(http, ct);

    private static IResult SignIn(HttpContext http) =>
        Results.Redirect("/d/login?next=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString), permanent: false);

    // A line break in a redirect target would split the Location header: refused as bad input.
    private static bool HasControlCharacters(string? next) => next is not null && next.Any(char.IsControl);

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
