using Microsoft.Azure.Functions.Worker;
using GuanGong.Functions.Cases.Workflow;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// Mails a batch of units their links, skipping a unit already reached in this round (its
/// invitation row says so), and marks each after its mail went out: a crash between the two
/// sends that one mail again, nothing more. The campaign comes from the reference cache: one read
/// per batch would be a thousand reads for a city.
/// </summary>
public sealed class SendInvitationsActivity(WorkflowServices services, CampaignLauncher launcher)
{
    public const string Name = "SendInvitations";

    [Function(Name)]
    public async Task<int> RunAsync([ActivityTrigger] InvitationBatch input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = input.Run;
        var campaign = await services.Campaigns.FindAsync(run.CampaignId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Campaign {run.CampaignId} does not exist.");
        var tree = await services.Directory.GetTreeAsync(CancellationToken.None);
        var partition = InvitationRecord.Partition(run.CampaignId, run.Year);
        var sent = 0;
        foreach (var code in input.UnitCodes)
        {
            var marked = await services.Tables.Invitations.GetAsync(partition, code, CancellationToken.None);
            if (marked?.Value.Round >= run.Round || tree.Find(code) is not { } unit)
            {
                continue;
            }

            var email = await launcher.InviteAsync(campaign, unit, run.Year, CancellationToken.None);
            if (email is null)
            {
                continue;
            }

            await services.Tables.Invitations.UpsertAsync(
                partition, code, new InvitationRecord(InvitationRecord.CurrentSchemaVersion, run.CampaignId, run.Year, code, email, run.Round, services.Time.GetUtcNow()), cancellationToken: CancellationToken.None);
            sent++;
        }

        return sent;
    }
}
