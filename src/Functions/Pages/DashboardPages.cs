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
    HttpGate gate, DashboardSession session, DashboardAdmission admission, Campaigns.CampaignStore campaigns, AppTables tables, PassRateViews memo, Exports.ExportLinks links,
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
                return DashboardAdmission.SignIn(http);
            }

            var list = await campaigns.ListAsync(ct);
            return RazorPage.Of<Components.CampaignListBody>("创建活动", (IReadOnlyList<Campaigns.CampaignRecord>)[.. list.OrderByDescending(c => c.CreatedAt)]);
        });

    [Function("CampaignDashboard")]
    public Task<IResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d/{campaignId}")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, () => ShowAsync(
            campaignId, request.Query["root"].FirstOrDefault(), int.TryParse(request.Query["year"].FirstOrDefault(), out var year) ? year : null, request.Query["t"].FirstOrDefault(),
            request.HttpContext, admission, tables, memo, links, time, configuration, audit, chaser, ct));

    [Function("DashboardCase")]
    public Task<IResult> Case(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d/{campaignId}/cases/{caseId}")] HttpRequest request,
        string campaignId,
        string caseId,
        CancellationToken ct) =>
        gate.RunAsync(request, () => CaseAsync(campaignId, caseId, request.Query["t"].FirstOrDefault(), request.HttpContext, admission, cases, directory, templates, audit, evidence, ct));

    private static async Task<IResult> ShowAsync(
        string campaignId, string? root, int? year, string? t, HttpContext http, DashboardAdmission admission,
        AppTables tables, PassRateViews memo, Exports.ExportLinks links, TimeProvider time, IConfiguration configuration, AuditLog audit,
        Calendars.SubmissionChaser chaser, CancellationToken ct)
    {
        var admitted = await admission.AdmitAsync(http, campaignId, root, year, "单位的填报链接不能查看统计。", ct);
        if (admitted is not { Scope: { } scope, Caller: { } caller })
        {
            return admitted.Refusal!;
        }

        var statistics = await StatisticsFunctions.ComputeAsync(scope, tables, memo, time, configuration, ct);

        // The export buttons carry a one-purpose token, minutes long, for just this campaign and subtree:
        // never the page's own dashboard link or anything of the session (it reads no case or ledger).
        var exportToken = links.Issue(campaignId, scope.Root);
        // The target-year changes of units in this subtree (预达标年度调整), from the campaign's audit trail.
        var changes = (await Campaigns.CampaignYearFunctions.TargetYearChangesAsync(audit, campaignId, ct))
            .Where(c => scope.Tree.Contains(c.UnitCode) && CommitteeDirectory.IsWithin(scope.Tree, c.UnitCode, scope.Root))
            .ToList();
        var calendar = new Components.CalendarSection.Data(await chaser.ViewAsync(scope, ct), campaignId, scope.Root, scope.Year, t, http.Request.Query["resent"].FirstOrDefault());
        // What the case rows alone do not show (a decision never applied, an instance given up), from the last stuck-case report.
        var stuck = await Reviews.DecisionReconciler.LatestReportAsync(tables, ct);
        return admitted.Page<Components.DashboardBody>(
            "创建进度统计",
            new Components.DashboardBody.Data(scope, statistics, caller, t, exportToken, changes, time.GetUtcNow(), calendar) { StuckReport = stuck },
            scripts: ["/lib/echarts.min.js", "/assets/dashboard.js"]);
    }

    private static async Task<IResult> CaseAsync(
        string campaignId, string caseId, string? t, HttpContext http, DashboardAdmission admission, CaseStore cases, CommitteeDirectory directory,
        TemplateResolver templates, AuditLog audit, EvidenceView evidence, CancellationToken ct)
    {
        var caller = await admission.CallerAsync(http, ct);
        if (caller is not (AdminCaller or CommitteeCaller))
        {
            return caller is null ? DashboardAdmission.SignIn(http) : PageLayout.Message("无法查看", "单位的填报链接不能查看统计。", StatusCodes.Status403Forbidden);
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

    // A line break in a redirect target would split the Location header: refused as bad input.
    private static bool HasControlCharacters(string? next) => next is not null && next.Any(char.IsControl);

    // Only a dashboard path of this site may follow sign-in: never another host.
    private static string SafeNext(string? next) =>
        next is { Length: > 3 } && next.StartsWith("/d/", StringComparison.Ordinal) && !next.StartsWith("//", StringComparison.Ordinal) && !next.Contains('\\', StringComparison.Ordinal)
            ? next
            : "/d";

    private static IResult LoginPage(string? next, bool failed) => RazorPage.Of<Components.LoginBody>(
        "登录统计页面", new Components.LoginBody.Data(SafeNext(next), failed), failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
}
