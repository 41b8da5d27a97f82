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
    HttpGate gate, AdminOnly admin, Access access, CampaignStore campaigns, CampaignScopes scopes, CampaignLauncher launcher, CommitteeDirectory directory,
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
            var json = await RequestBodies.ReadTextAsync(request.HttpContext, ct);
            if (json is null)
            {
                return Problems.TooLarge("提交的内容太大。", "The request is too large.");
            }

            var parsed = DomainJson.Parse<CampaignCalendarRequest>(json, "calendar.malformed");
            if (!parsed.IsSuccess)
            {
                return Problems.Validation(parsed.Errors, "提交的数据格式不正确。");
            }

            var campaign = await campaigns.FindAsync(campaignId, ct);
            if (campaign is null)
            {
                return Problems.NotFound("找不到该创建活动。", $"Campaign '{campaignId}' does not exist.");
            }

            var body = parsed.Value;
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

            var view = await ViewAsync(scope, ct);
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
            return await ResendAsync(caller, campaignId, unitCode, year, ct) switch
            {
                { MailedTo: { } to } => TypedResults.Ok(new ResendResult(unitCode, to)),
                var refused => refused.Problem!,
            };
        });

    /// <summary>The calendar view of a resolved scope, or null when the year has no calendar.</summary>
    public async Task<CampaignCalendarView?> ViewAsync(CampaignScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var calendar = await chaser.CalendarAsync(scope.Campaign.Settings.Id, scope.Year, ct);
        if (calendar is null)
        {
            return null;
        }

        var notSubmitted = (await chaser.NotSubmittedAsync(scope.Campaign.Settings.Id, scope.Year, scope.Tree, ct))
            .Where(u => CommitteeDirectory.IsWithin(scope.Tree, u.Code, scope.Root)).ToList();
        return CampaignCalendarView.Of(calendar, await holidays.GetAsync(ct), scope.Root, Today(), notSubmitted);
    }

    /// <summary>Sends a unit that has not submitted its link again, for a caller whose subtree holds it (the dashboard's button and the API).</summary>
    public async Task<(string? MailedTo, IResult? Problem)> ResendAsync(Caller? caller, string campaignId, string unitCode, int? year, CancellationToken ct)
    {
        if (caller is not (AdminCaller or CommitteeCaller))
        {
            return (null, caller is null
                ? Problems.Unauthorized("请使用管理员密钥、关工委访问密钥或统计链接。", "The admin key, a committee API key or a dashboard link is required.")
                : Problems.Forbidden("单位链接不能催报其他单位。", "A unit's link cannot resend links."));
        }

        var campaign = await campaigns.FindAsync(campaignId, ct);
        var tree = await directory.GetTreeAsync(ct);
        if (campaign is null || !tree.Contains(unitCode) || (caller is CommitteeCaller c && !CommitteeDirectory.IsWithin(tree, unitCode, c.CommitteeCode)))
        {
            return (null, Problems.NotFound("找不到该单位。", $"There is no unit '{unitCode}' in the caller's subtree."));
        }

        var chosenYear = year ?? campaign.LaunchYear ?? campaign.Settings.StartYear;
        if (!(await chaser.NotSubmittedAsync(campaignId, chosenYear, tree, ct)).Any(u => u.Code == unitCode))
        {
            return (null, Problems.Conflict("not-pending", "该单位已经提交，或本年度未邀请该单位申报。", "The unit has submitted already, or was not invited this year."));
        }

        return await launcher.InviteAsync(campaign, tree.Get(unitCode), chosenYear, ct) is { } mailedTo
            ? (mailedTo, null)
            : (null, Problems.Conflict("no-contact", "该单位没有联系人邮箱，无法发送。", "The unit has no contact."));
    }

    private DateOnly Today() => ChinaTime.DateOf(time.GetUtcNow());
}

/// <summary>A unit's link sent again: to whom.</summary>
public sealed record ResendResult(string UnitCode, string MailedTo);
