using GuanGong.Domain;
using System.Text.Json;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Mail;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Standards;
using Microsoft.Extensions.Options;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// Launches a campaign year by the domain's launch plan (<see cref="YearLaunch.Plan"/>, 三年创建): the units
/// whose target year has come (or that have none) and that have not passed, plus the passed units the
/// county chose to re-examine, are emailed their own link to their case for the year; a unit due later
/// gets its link on request (<see cref="RequestEarlyAsync"/>). The link names the case before it exists
/// (case numbers are derived), so the unit needs no account. The mails go out in the background
/// (<see cref="InvitationOrchestrator"/>); launching the same year again starts nothing unless a resend
/// is asked for.
/// </summary>
public sealed class CampaignLauncher(
    CampaignStore campaigns, CommitteeDirectory directory, CaseStore cases, ReviewLinks links, IMailSender mail, StandardNames standardNames, TimeProvider time, IOptions<WorkflowSettings> settings)
{
    /// <summary>Who a launch reaches: units with a contact, the codes of those without one, and why the others get no mail.</summary>
    public sealed record LaunchScope(IReadOnlyList<Committee> Invitees, IReadOnlyList<string> SkippedWithoutContact, IReadOnlyList<NotInvitedView> NotInvited);

    /// <summary>A unit the launch does not invite, and why (alreadyPassed, dueLater, caseOpen, notAssessable).</summary>
    public sealed record NotInvitedView(string UnitCode, string Reason);

    /// <summary>What a launch did: the round it started (or found running), and whether it was one started before.</summary>
    public sealed record Launched(string CampaignId, int Year, int Round, int Units, IReadOnlyList<string> SkippedWithoutContact, bool AlreadyLaunched, IReadOnlyList<NotInvitedView> NotInvited);

    public sealed record Outcome(Launched? Launched, IResult? Problem);

    public async Task<Outcome> LaunchAsync(DurableTaskClient engine, string campaignId, int? requestedYear, bool resend, CancellationToken ct)
    {
        var stored = await campaigns.GetAsync(campaignId, ct);
        if (stored is null)
        {
            return new(null, Http.Problems.NotFound("找不到这次创建活动。", $"There is no campaign '{campaignId}'."));
        }

        var current = stored.Value;
        var year = requestedYear ?? current.LaunchYear ?? current.Settings.StartYear;
        if (year < current.Settings.StartYear || year > current.Settings.EndYear)
        {
            return new(null, Http.Problems.Validation([new ValidationError("year", "launch.year_out_of_range", $"年度必须在 {current.Settings.StartYear} 到 {current.Settings.EndYear} 之间。", "The year is outside the campaign.")]));
        }

        // A double click or a retried request finds the round it started; a resend starts the next.
        var round = current.LaunchYear == year ? current.InvitationRound ?? 0 : 0;
        var alreadyLaunched = round >= 1 && !resend;
        if (!alreadyLaunched)
        {
            round++;
        }

        var launched = current with { LaunchedAt = current.LaunchedAt ?? time.GetUtcNow(), LaunchYear = year, InvitationRound = round };
        if (launched != current && !await campaigns.TryUpdateAsync(stored, launched, ct))
        {
            return new(null, Http.Problems.Conflict("campaign-changed", "活动刚被他人修改，请重试。", "The campaign changed meanwhile; retry."));
        }

        // Started after the round is recorded, with the round in its id: a launch that died between
        // the two is completed by the next one, and never twice.
        var run = new InvitationRun(InvitationRun.CurrentSchemaVersion, campaignId, year, round);
        ArgumentNullException.ThrowIfNull(engine);
        if (await engine.GetInstanceAsync(run.InstanceId, false, ct) is null)
        {
            await engine.ScheduleNewOrchestrationInstanceAsync(InvitationOrchestrator.Name, run, new StartOrchestrationOptions(InstanceId: run.InstanceId), ct);
        }

        var scope = await ScopeAsync(launched, await directory.GetTreeAsync(ct), year, ct);
        return new(new Launched(campaignId, year, round, scope.Invitees.Count, scope.SkippedWithoutContact, alreadyLaunched, scope.NotInvited), null);
    }

    /// <summary>Each unit's standing at the end of <paramref name="year"/> from the campaign's cases of every year so far.</summary>
    public async Task<IReadOnlyDictionary<string, UnitStanding>> StandingsAsync(CampaignRecord campaign, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var all = new List<CaseRecord>();
        for (var y = campaign.Settings.StartYear; y <= year; y++)
        {
            all.AddRange(await cases.ListAsync(campaign.Settings.Id, y, ct));
        }

        return Standings.AsOf(all.Select(Statistics.CampaignScope.ToUnitCase), year);
    }

    /// <summary>The year's launch plan: who is invited (with the county's re-examinations) and why the others are not.</summary>
    public async Task<LaunchScope> ScopeAsync(CampaignRecord campaign, OrganisationTree tree, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(tree);
        var plan = YearLaunch.Plan(tree, campaign.Settings, await StandingsAsync(campaign, year, ct), year, campaign.ReExaminedIn(year));
        var invited = plan.Invited.Select(i => tree.Get(i.UnitCode)).ToList();
        return new(
            [.. invited.Where(c => c.Reviewers.Count > 0)],
            [.. invited.Where(c => c.Reviewers.Count == 0).Select(c => c.Code)],
            [.. plan.NotInvited.Where(n => n.Reason != NotInvitedReason.NotAssessable).Select(n => new NotInvitedView(n.UnitCode, JsonNamingPolicy.CamelCase.ConvertName(n.Reason.ToString())))]);
    }

    /// <summary>
    /// Whether <paramref name="unitCode"/> may open its case of <paramref name="year"/>: invited by the plan, granted early
    /// application, or chosen for re-examination. The refusal says why.
    /// </summary>
    public async Task<IReadOnlyList<ValidationError>> CheckMayApplyAsync(CampaignRecord campaign, OrganisationTree tree, string unitCode, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(tree);

        // The first year has no earlier standing to read: a unit due (or with no target year) is invited,
        // so a submission's hot path reads no case lists then.
        if (year == campaign.Settings.StartYear && (campaign.Settings.TargetYearOf(unitCode) is not { } target || target <= year) && tree.AcceptanceChain(unitCode).IsSuccess)
        {
            return [];
        }

        var standings = await StandingsAsync(campaign, year, ct);
        var asked = YearLaunch.RequestEarly(tree, campaign.Settings, standings, unitCode, year);
        if (asked.IsSuccess)
        {
            return asked.Value.Reason != InvitationReason.EarlyApplication || campaign.GrantedEarly(unitCode, year)
                ? []
                : [new ValidationError("unitCode", "submission.not_invited", $"该单位的预达标年度是 {campaign.Settings.TargetYearOf(unitCode)} 年，今年尚未受邀申报；如需提前申报，请先申请提前申报。", "The unit is due later and has not been granted early application.")];
        }

        return asked.Errors.Any(e => e.Code == "launch.already_passed") && campaign.ReExaminedIn(year).Contains(unitCode) ? [] : asked.Errors;
    }

    /// <summary>
    /// A unit due later asks for its link now (提前申报): checked by <see cref="YearLaunch.RequestEarly"/>, recorded with the
    /// campaign, and the unit is mailed its link exactly as a launch does.
    /// </summary>
    public async Task<(Invitation? Granted, string? MailedTo, IReadOnlyList<ValidationError> Errors)> RequestEarlyAsync(string campaignId, string unitCode, int? requestedYear, string requestedBy, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await campaigns.GetAsync(campaignId, ct);
            if (stored is null)
            {
                return (null, null, [new ValidationError("campaignId", "campaign.not_found", "找不到这次创建活动。", $"There is no campaign '{campaignId}'.")]);
            }

            var campaign = stored.Value;
            if (campaign.LaunchedAt is null)
            {
                return (null, null, [new ValidationError("campaignId", "campaign.not_launched", "这次创建活动尚未启动。", "The campaign has not been launched.")]);
            }

            var year = requestedYear ?? campaign.LaunchYear ?? campaign.Settings.StartYear;
            var tree = await directory.GetTreeAsync(ct);
            var asked = YearLaunch.RequestEarly(tree, campaign.Settings, await StandingsAsync(campaign, year, ct), unitCode, year);
            if (!asked.IsSuccess)
            {
                return (null, null, asked.Errors);
            }

            var updated = asked.Value.Reason != InvitationReason.EarlyApplication || campaign.GrantedEarly(unitCode, year)
                ? campaign
                : campaign with { EarlyApplications = [.. campaign.EarlyApplications ?? [], new UnitYearChoice(year, unitCode, requestedBy, time.GetUtcNow())] };
            if (updated != campaign && !await campaigns.TryUpdateAsync(stored, updated, ct))
            {
                continue;
            }

            var email = await InviteAsync(updated, tree.Get(unitCode), year, ct);
            return (asked.Value, email, []);
        }

        return (null, null, [new ValidationError("campaignId", "campaign.changed", "活动刚被他人修改，请重试。", "The campaign kept changing; retry.")]);
    }

    /// <summary>
    /// The county chooses to re-examine a passed unit in the year (checked by
    /// <see cref="YearLaunch.CheckReExamination"/>); the choice is kept with the campaign, and when the year is already
    /// launched the unit is mailed its link at once.
    /// </summary>
    public async Task<(string? MailedTo, IReadOnlyList<ValidationError> Errors)> ReExamineAsync(string campaignId, string unitCode, int? requestedYear, string? chosenByCommitteeCode, string chosenBy, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await campaigns.GetAsync(campaignId, ct);
            if (stored is null)
            {
                return (null, [new ValidationError("campaignId", "campaign.not_found", "找不到这次创建活动。", $"There is no campaign '{campaignId}'.")]);
            }

            var campaign = stored.Value;
            var year = requestedYear ?? campaign.LaunchYear ?? campaign.Settings.StartYear;
            if (year < campaign.Settings.StartYear || year > campaign.Settings.EndYear)
            {
                return (null, [new ValidationError("year", "launch.year_out_of_range", $"年度必须在 {campaign.Settings.StartYear} 到 {campaign.Settings.EndYear} 之间。", "The year is outside the campaign.")]);
            }

            var tree = await directory.GetTreeAsync(ct);
            if (!tree.Contains(unitCode) || !CommitteeDirectory.IsWithin(tree, unitCode, campaign.Settings.OrganiserCode))
            {
                return (null, [new ValidationError("unitCode", "launch.unit_out_of_scope", "该单位不在本次活动范围内。", $"'{unitCode}' is not part of the campaign.")]);
            }

            // An administrator acts for the committee that decides the unit's case.
            var chooser = chosenByCommitteeCode ?? (tree.AcceptanceChain(unitCode) is { IsSuccess: true } chain ? chain.Value.VerdictStage.CommitteeCode : campaign.Settings.OrganiserCode);
            var errors = YearLaunch.CheckReExamination(tree, await StandingsAsync(campaign, year, ct), unitCode, chooser);
            if (errors.Count > 0)
            {
                return (null, errors);
            }

            var updated = campaign.ReExaminedIn(year).Contains(unitCode)
                ? campaign
                : campaign with { ReExaminations = [.. campaign.ReExaminations ?? [], new UnitYearChoice(year, unitCode, chosenBy, time.GetUtcNow())] };
            if (updated != campaign && !await campaigns.TryUpdateAsync(stored, updated, ct))
            {
                continue;
            }

            return (campaign.LaunchYear == year ? await InviteAsync(updated, tree.Get(unitCode), year, ct) : null, []);
        }

        return (null, [new ValidationError("campaignId", "campaign.changed", "活动刚被他人修改，请重试。", "The campaign kept changing; retry.")]);
    }

    /// <summary>Mails one unit its link for the year; returns the address it went to, or null when the unit has no contact.</summary>
    public async Task<string?> InviteAsync(CampaignRecord campaign, Committee unit, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Reviewers.FirstOrDefault() is not { } contact)
        {
            return null;
        }

        var caseId = CaseIds.For(campaign.Settings.Id, year, unit.Code);
        var link = links.UnitLink(links.UnitToken(caseId, contact.Email, time.GetUtcNow().AddDays(settings.Value.UnitLinkLifetimeDays)));
        await mail.SendAsync(CaseMail.Invitation(unit.Name, contact.Name, contact.Email, campaign.Settings.Name, year, link, await standardNames.ForAsync(campaign.Settings, unit.Kind, ct)), ct);
        return contact.Email;
    }
}
