using GuanGong.Domain;
using GuanGong.Domain.Organisations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Mail;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Reviews;
using Microsoft.Extensions.Options;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// Launches a campaign year: every committee in the campaign's scope that can be assessed (it has a
/// complete acceptance chain) is emailed its own link to its case for the year. The link names the
/// case before it exists (case numbers are derived), so the unit needs no account. The mails go out
/// in the background (<see cref="InvitationOrchestrator"/>); launching the same year again starts
/// nothing unless a resend is asked for.
/// </summary>
public sealed class CampaignLauncher(
    CampaignStore campaigns, CommitteeDirectory directory, ReviewLinks links, IMailSender mail, TimeProvider time, IOptions<WorkflowSettings> settings)
{
    /// <summary>Who a launch reaches: units with a contact, and the codes of those without one.</summary>
    public sealed record LaunchScope(IReadOnlyList<Committee> Invitees, IReadOnlyList<string> SkippedWithoutContact);

    /// <summary>What a launch did: the round it started (or found running), and whether it was one started before.</summary>
    public sealed record Launched(string CampaignId, int Year, int Round, int Units, IReadOnlyList<string> SkippedWithoutContact, bool AlreadyLaunched);

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

        var scope = Scope(launched, await directory.GetTreeAsync(ct));
        return new(new Launched(campaignId, year, round, scope.Invitees.Count, scope.SkippedWithoutContact, alreadyLaunched), null);
    }

    public LaunchScope Scope(CampaignRecord campaign, OrganisationTree tree)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(tree);
        var assessable = tree.Descendants(campaign.Settings.OrganiserCode)
            .Where(c => tree.AcceptanceChain(c.Code, campaign.Settings.ReviewStageCount).IsSuccess)
            .ToList();
        return new(
            [.. assessable.Where(c => c.Reviewers.Count > 0)],
            [.. assessable.Where(c => c.Reviewers.Count == 0).Select(c => c.Code)]);
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
        await mail.SendAsync(CaseMail.Invitation(unit.Name, contact.Name, contact.Email, campaign.Settings.Name, year, link), ct);
        return contact.Email;
    }
}
