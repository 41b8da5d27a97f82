using System.Globalization;
using GuanGong.Domain.Calendar;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Mail;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Records;
using GuanGong.Functions.ReferenceData;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Standards;
using GuanGong.Functions.Statistics;
using GuanGong.Functions.Http;
using Microsoft.Extensions.Options;

namespace GuanGong.Functions.Calendars;

/// <summary>
/// Chasing the units that have not submitted (未提交): who they are (invited for the year, no case yet), the reminders the
/// campaign calendar sets before the deadline, and a unit's link sent again on an officer's click.
/// </summary>
public sealed partial class SubmissionChaser(
    AppTables tables, CampaignStore campaigns, CaseStore cases, CommitteeDirectory directory, HolidayCalendarCache holidays, ReviewLinks links,
    IMailSender mail, StandardNames standardNames, TimeProvider time, IOptions<WorkflowSettings> settings, CampaignLauncher launcher, ILogger<SubmissionChaser> logger)
{
    /// <summary>The year's calendar of a campaign, or null when the organiser has set none.</summary>
    public async Task<CampaignYearCalendar?> CalendarAsync(string campaignId, int year, CancellationToken ct) =>
        (await tables.Calendars.GetAsync(campaignId, year.ToString(CultureInfo.InvariantCulture), ct))?.Value;

    /// <summary>The units invited in <paramref name="year"/> that have no case yet, by name.</summary>
    public async Task<IReadOnlyList<Committee>> NotSubmittedAsync(string campaignId, int year, OrganisationTree tree, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var invited = await tables.Invitations.ListPartitionAsync(InvitationRecord.Partition(campaignId, year), ct);
        var submitted = (await cases.ListAsync(campaignId, year, ct)).Select(c => c.UnitCode).ToHashSet(StringComparer.Ordinal);
        return [.. invited.Select(i => i.Value.UnitCode).Distinct(StringComparer.Ordinal).Where(u => !submitted.Contains(u))
            .Select(tree.Find).OfType<Committee>().OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Sends the reminder due today (China time) of every launched campaign year with a calendar to each unit that has not
    /// submitted and was not reminded at that point yet. Returns the number of mails sent.
    /// </summary>
    public async Task<int> RemindDueAsync(CancellationToken ct)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var calendar = await holidays.GetAsync(ct);
        var sent = 0;
        foreach (var campaign in await campaigns.ListAsync(ct))
        {
            if (campaign.LaunchYear is not { } year || await CalendarAsync(campaign.Settings.Id, year, ct) is not { } yearCalendar
                || CampaignCalendarPlanner.ReminderDue(yearCalendar, calendar, today) is not { } days)
            {
                continue;
            }

            var tree = await directory.GetTreeAsync(ct);
            var partition = InvitationRecord.Partition(campaign.Settings.Id, year);
            var provisional = !calendar.IsConfirmed(yearCalendar.SubmissionDeadline.Year);
            foreach (var unit in await NotSubmittedAsync(campaign.Settings.Id, year, tree, ct))
            {
                var row = SubmissionReminderRecord.Row(unit.Code, yearCalendar.SubmissionDeadline, days);
                if (unit.Reviewers.FirstOrDefault() is not { } contact || await tables.Reminders.GetAsync(partition, row, ct) is not null)
                {
                    continue;
                }

                var standardName = await standardNames.ForAsync(campaign.Settings, unit.Kind, ct);
                await mail.SendAsync(CalendarMail.SubmissionReminder(
                    unit.Name, contact.Name, contact.Email, campaign.Settings.Name, year, standardName, yearCalendar.SubmissionDeadline, provisional, LinkFor(campaign, unit, year, contact.Email)), ct);
                await tables.Reminders.UpsertAsync(partition, row, new SubmissionReminderRecord(
                    SubmissionReminderRecord.CurrentSchemaVersion, campaign.Settings.Id, year, unit.Code, days, contact.Email, time.GetUtcNow()), cancellationToken: ct);
                sent++;
            }

            LogReminded(logger, campaign.Settings.Id, year, days, sent);
        }

        return sent;
    }

    /// <summary>The calendar view of a resolved scope, or null when the year has no calendar.</summary>
    public async Task<CampaignCalendarView?> ViewAsync(CampaignScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var calendar = await CalendarAsync(scope.Campaign.Settings.Id, scope.Year, ct);
        if (calendar is null)
        {
            return null;
        }

        var notSubmitted = (await NotSubmittedAsync(scope.Campaign.Settings.Id, scope.Year, scope.Tree, ct))
            .Where(u => CommitteeDirectory.IsWithin(scope.Tree, u.Code, scope.Root)).ToList();
        return CampaignCalendarView.Of(calendar, await holidays.GetAsync(ct), scope.Root, ChinaTime.DateOf(time.GetUtcNow()), notSubmitted);
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
        if (!(await NotSubmittedAsync(campaignId, chosenYear, tree, ct)).Any(u => u.Code == unitCode))
        {
            return (null, Problems.Conflict("not-pending", "该单位已经提交，或本年度未邀请该单位申报。", "The unit has submitted already, or was not invited this year."));
        }

        return await launcher.InviteAsync(campaign, tree.Get(unitCode), chosenYear, ct) is { } mailedTo
            ? (mailedTo, null)
            : (null, Problems.Conflict("no-contact", "该单位没有联系人邮箱，无法发送。", "The unit has no contact."));
    }

    private string LinkFor(CampaignRecord campaign, Committee unit, int year, string email) =>
        links.UnitLink(links.UnitToken(CaseIds.For(campaign.Settings.Id, year, unit.Code), email, time.GetUtcNow().AddDays(settings.Value.UnitLinkLifetimeDays)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission reminders for {CampaignId} {Year}, {Days} working days before the deadline: {Sent} sent so far")]
    private static partial void LogReminded(ILogger logger, string campaignId, int year, int days, int sent);
}
