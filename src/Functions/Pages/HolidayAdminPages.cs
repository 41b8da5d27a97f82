using GuanGong.Domain.Deadlines;
using GuanGong.Functions.Calendars;
using GuanGong.Functions.Http;
using GuanGong.Functions.ReferenceData;
using Microsoft.Azure.Functions.Worker;

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
        return RazorPage.Of<Components.HolidaysBody>("法定节假日安排", new Components.HolidaysBody.Data(view, errors, loaded, Path), status);
    }

    private static IResult SignIn() => Results.Redirect("/d/login?next=" + Uri.EscapeDataString(Path), permanent: false);
}
