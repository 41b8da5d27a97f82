using Microsoft.Azure.Functions.Worker;
using GuanGong.Functions.Cases.Workflow;

namespace GuanGong.Functions.Campaigns;

/// <summary>The units of a round: those the year's launch plan invites (target year come and not passed, or chosen for re-examination) that have a contact.</summary>
public sealed class ListInviteesActivity(WorkflowServices services, CampaignLauncher launcher)
{
    public const string Name = "ListInvitees";

    [Function(Name)]
    public async Task<IReadOnlyList<string>> RunAsync([ActivityTrigger] InvitationRun input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var campaign = await services.Campaigns.FindAsync(input.CampaignId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Campaign {input.CampaignId} does not exist.");
        var tree = await services.Directory.GetTreeAsync(CancellationToken.None);
        return [.. (await launcher.ScopeAsync(campaign, tree, input.Year, CancellationToken.None)).Invitees.Select(u => u.Code)];
    }
}
