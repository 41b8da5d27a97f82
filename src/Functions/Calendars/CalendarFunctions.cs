using System.Globalization;
using GuanGong.Domain;
using GuanGong.Domain.Calendar;
using GuanGong.Domain.Deadlines;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Records;
using GuanGong.Functions.ReferenceData;
using GuanGong.Functions.Statistics;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Calendars;

/// <summary>
/// The campaign calendar over HTTP: the organiser sets a year's deadline, reminders and acceptance window; every level reads
/// the year's dates, what is due next and who has not submitted in its subtree, and sends a unit its link again.
/// </summary>
public sealed class CalendarFunctions(
    HttpGate gate, AdminOnly admin, Access access, CampaignStore campaigns, CampaignScopes scopes, CommitteeDirectory directory,
    SubmissionChaser chaser, HolidayCalendarCache holidays, AppTables tables, TimeProvider time)
{
    [Function("SetCampaignCalendar")]
    [ApiOperation("Set a campaign year's calendar: the units' submission deadline, reminders (working days before it) and the acceptance window", Tag = "Calendar",
        RequestBody = typeof(CampaignCalendarRequest), Response = typeof(CampaignCalendarView), Problems = [400, 401, 404, 413], Security = ["adminKey"])]
    public Task<IResult> Set(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/campaigns/{campaignId}/calendar")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, () => admin.RunAsync(request, async () =>
        {
            var (body, problem) = await RequestBodies.ReadJsonAsync<CampaignCalendarRequest>(request, "calendar.malformed", ct);
            if (body is null)
            {
                return problem!;
            }

            var campaign = await campaigns.FindAsync(campaignId, ct);
            if (campaign is null)
            {
                return Problems.NotFound("找不到该创建活动。", $"Campaign '{campaignId}' does not exist.");
            }

            var calendar = new CampaignYearCalendar(CampaignYearCalendar.CurrentSchemaVersion, campaignId, body.Year, body.SubmissionDeadline, body.ReminderWorkingDays ?? [5, 1], body.AcceptanceStart, body.AcceptanceEnd);
            var errors = calendar.Validate().ToList();
            if (body.Year < campaign.Settings.StartYear || body.Year > campaign.Settings.EndYear)
            {
                errors.Add(new ValidationError("year", "calendar.year_out_of_range", $"年度必须在 {campaign.Settings.StartYear} 到 {campaign.Settings.EndYear} 之间。", "The year is outside the campaign."));
            }

            if (errors.Count > 0)
            {
                return Problems.Validation(errors, "活动日程有误。");
            }

            await tables.Calendars.UpsertAsync(campaignId, body.Year.ToString(CultureInfo.InvariantCulture), calendar, cancellationToken: ct);
            var tree = await directory.GetTreeAsync(ct);
            return TypedResults.Ok(CampaignCalendarView.Of(calendar, await holidays.GetAsync(ct), campaign.Settings.OrganiserCode, Today(), await chaser.NotSubmittedAsync(campaignId, body.Year, tree, ct)));
        }));

    [Function("GetCampaignCalendar")]
    [ApiOperation("A campaign year's calendar: its dates (provisional where a year's holidays are not loaded), what is due next at each level, and the units of the subtree that have not submitted", Tag = "Calendar",
        Response = typeof(CampaignCalendarView), Problems = [400, 401, 403, 404], Query = ["root:the subtree's committee code (default: the caller's own)", "year:the campaign year (default: the launched year)"],
        Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/calendar")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (scope, refusal) = await scopes.ResolveQueryAsync(request, campaignId, ct);
            if (scope is null)
            {
                return refusal!;
            }

            var view = await chaser.ViewAsync(scope, ct);
            return view is null
                ? Problems.NotFound("该年度尚未设置活动日程。", $"No calendar is set for {campaignId} {scope.Year}.")
                : TypedResults.Ok(view);
        });

    [Function("ResendUnitLink")]
    [ApiOperation("Send a unit that has not submitted its link again (催报)", Tag = "Calendar", Response = typeof(ResendResult), Problems = [401, 403, 404, 409],
        Query = ["year:the campaign year (default: the launched year)"], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> Resend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/units/{unitCode}/resend")] HttpRequest request,
        string campaignId,
        string unitCode,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var caller = await access.ResolveAsync(request.HttpContext, ct);
            var year = int.TryParse(request.Query["year"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
            return await chaser.ResendAsync(caller, campaignId, unitCode, year, ct) switch
            {
                { MailedTo: { } to } => TypedResults.Ok(new ResendResult(unitCode, to)),
                var refused => refused.Problem!,
            };
        });

    private DateOnly Today() => ChinaTime.DateOf(time.GetUtcNow());
}

/// <summary>A unit's link sent again: to whom.</summary>
public sealed record ResendResult(string UnitCode, string MailedTo);
