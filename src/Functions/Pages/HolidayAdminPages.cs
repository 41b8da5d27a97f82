using System.Text;
using GuanGong.Domain.Calendar;
using GuanGong.Domain.Deadlines;
using GuanGong.Functions.Calendars;
using GuanGong.Functions.Http;
using GuanGong.Functions.ReferenceData;
using Microsoft.Azure.Functions.Worker;
using static GuanGong.Functions.Pages.Html;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The administrator's page for the holiday calendar (<c>/d/admin/holidays</c>, signed in): which years' State Council
/// notices are loaded, their holidays and make-up working days, and a form to load a year's notice (the same JSON the
/// <c>POST /api/admin/holidays</c> takes).
/// </summary>
public sealed class HolidayAdminPages(HttpGate gate, DashboardSession session, CalendarSource source, HolidayCalendarCache calendars)
{
    private const string Path = "/d/admin/holidays";

    [Function("HolidayAdminPage")]
    public Task<IResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d/admin/holidays")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, async () => await session.IsSignedInAsync(request.HttpContext, ct)
            ? await RenderAsync(null, request.Query["loaded"].FirstOrDefault(), StatusCodes.Status200OK, ct)
            : SignIn());

    [Function("HolidayAdminLoad")]
    public Task<IResult> Load(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "d/admin/holidays")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            if (!await session.IsSignedInAsync(request.HttpContext, ct))
            {
                return SignIn();
            }

            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
            var parsed = HolidayNoticeLoader.Parse(form?["notice"].ToString() ?? string.Empty);
            if (!parsed.IsSuccess)
            {
                return await RenderAsync([.. parsed.Errors.Select(e => e.MessageZh)], null, StatusCodes.Status400BadRequest, ct);
            }

            await source.SaveAsync(parsed.Value, ct);
            calendars.Invalidate();
            return Results.Redirect($"{Path}?loaded={parsed.Value.Year}", permanent: false);
        });

    private async Task<IResult> RenderAsync(IReadOnlyList<string>? errors, string? loaded, int status, CancellationToken ct)
    {
        var view = HolidayCalendarView.Of(await calendars.GetAsync(ct), await source.LoadedYearsAsync(ct));
        var html = new StringBuilder("<h1>法定节假日安排</h1>")
            .Append("<p class=\"lead\">期限按工作日计算：周一至周五，除去法定节假日，加上调休上班的周末。")
            .Append(E(HolidayCalendarView.UnconfirmedRule)).Append("</p>");
        if (loaded is { Length: > 0 })
        {
            html.Append($"<p class=\"notice ok\" role=\"status\">已录入 {E(loaded)} 年的节假日安排。</p>");
        }

        if (errors is { Count: > 0 })
        {
            html.Append("<div class=\"notice\" role=\"alert\"><h2>没有录入，请修改</h2><ul>").Append(string.Concat(errors.Select(e => $"<li>{E(e)}</li>"))).Append("</ul></div>");
        }

        html.Append($"<p>已录入的年份：{E(string.Join("、", view.ConfirmedYears.Select(y => y + "年")))}。</p>");
        foreach (var notice in view.Notices)
        {
            html.Append($"<h2>{notice.Year}年（{(notice.Origin == "loaded" ? "管理员录入" : "系统自带")}）</h2><p>{E(notice.Source)}</p>")
                .Append("<div class=\"table-wrap\"><table><caption class=\"sr-only\">").Append(notice.Year).Append("年节假日</caption><thead><tr><th scope=\"col\">节日</th><th scope=\"col\">放假时间</th></tr></thead><tbody>")
                .Append(string.Concat(notice.Holidays.Select(h => $"<tr><th scope=\"row\">{E(h.Name)}</th><td>{E(CampaignCalendarPlanner.Display(h.Start))}{(h.End == h.Start ? string.Empty : "至" + E(CampaignCalendarPlanner.Display(h.End)))}</td></tr>")))
                .Append("</tbody></table></div>")
                .Append($"<p>调休上班：{(notice.MakeUpWorkingDays.Count == 0 ? "无" : E(string.Join("、", notice.MakeUpWorkingDays.Select(CampaignCalendarPlanner.Display))))}</p>");
        }

        html.Append("<h2>录入一年的安排</h2><p>国务院办公厅每年十一月前后公布下一年的节假日安排。请按系统自带年份的格式填写后录入；同一年份再次录入会替换原有安排。</p>")
            .Append($"<form method=\"post\" action=\"{Path}\"><label for=\"notice\">节假日安排</label><textarea id=\"notice\" name=\"notice\" rows=\"12\" required></textarea>")
            .Append("<p><button type=\"submit\">录入</button></p></form>")
            .Append(DashboardViews.SignOutForm);
        return PageLayout.Render("法定节假日安排", html.ToString(), status);
    }

    private static IResult SignIn() => Results.Redirect("/d/login?next=" + Uri.EscapeDataString(Path), permanent: false);
}
