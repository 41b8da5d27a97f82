using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.ReferenceData;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Calendars;

/// <summary>
/// Reading the holiday calendar: <c>GET /api/holidays</c> for integrators (public data: the State Council's notices) and
/// <c>GET /api/admin/holidays</c> beside the administrator's <c>POST</c> that loads a year, so the address that loads also reads.
/// </summary>
public sealed class HolidayFunctions(HttpGate gate, AdminOnly admin, CalendarSource source, HolidayCalendarCache calendars)
{
    [Function("ListHolidays")]
    [ApiOperation("The holiday calendar deadlines are counted on: the years whose notice is loaded, their holidays and make-up working days", Tag = "Calendar",
        Response = typeof(HolidayCalendarView))]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/holidays")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, async () => TypedResults.Ok(await ViewAsync(ct)));

    [Function("ReadHolidayNotices")]
    [ApiOperation("The holiday calendar as loaded (the same as GET /api/holidays, at the address that loads a year)", Tag = "Administration",
        Response = typeof(HolidayCalendarView), Problems = [401], Security = ["adminKey"])]
    public Task<IResult> AdminList(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/holidays")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, () => admin.RunAsync(request, async () => TypedResults.Ok(await ViewAsync(ct))));

    private async Task<HolidayCalendarView> ViewAsync(CancellationToken ct) =>
        HolidayCalendarView.Of(await calendars.GetAsync(ct), await source.LoadedYearsAsync(ct));
}
