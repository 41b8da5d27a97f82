using GuanGong.Domain.Organisations;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Mail;
using GuanGong.Functions.Reviews;
using Microsoft.Extensions.Options;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// Emails every committee in the campaign's scope that can be assessed (it has a complete acceptance
/// chain) its own link to its case for the year. The link names the case before it exists (case
/// numbers are derived), so the unit needs no account.
/// </summary>
public sealed class CampaignLauncher(ReviewLinks links, IMailSender mail, TimeProvider time, IOptions<WorkflowSettings> settings)
{
    public sealed record Invited(string UnitCode, string CaseId, string Email);

    public async Task<(IReadOnlyList<Invited> Invited, IReadOnlyList<string> Skipped)> InviteAsync(CampaignRecord campaign, OrganisationTree tree, int year, CancellationToken ct)
    {
        var invited = new List<Invited>();
        var skipped = new List<string>();
        var expires = time.GetUtcNow().AddDays(settings.Value.UnitLinkLifetimeDays);
        var scope = tree.Descendants(campaign.Settings.OrganiserCode)
            .Where(c => tree.AcceptanceChain(c.Code, campaign.Settings.ReviewStageCount).IsSuccess)
            .ToList();
        using var gate = new SemaphoreSlim(4);
        var sends = scope.Select(async unit =>
        {
            var contact = unit.Reviewers.FirstOrDefault();
            if (contact is null)
            {
                lock (skipped)
                {
                    skipped.Add(unit.Code);
                }

                return;
            }

            var caseId = CaseIds.For(campaign.Settings.Id, year, unit.Code);
            var link = links.UnitLink(links.UnitToken(caseId, contact.Email, expires));
            await gate.WaitAsync(ct);
            try
            {
                await mail.SendAsync(CaseMail.Invitation(unit.Name, contact.Name, contact.Email, campaign.Settings.Name, year, link), ct);
            }
            finally
            {
                gate.Release();
            }

            lock (invited)
            {
                invited.Add(new Invited(unit.Code, caseId, contact.Email));
            }
        });
        await Task.WhenAll(sends);
        return (invited, skipped);
    }
}
