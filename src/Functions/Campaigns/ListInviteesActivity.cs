using Microsoft.Azure.Functions.Worker;
using GuanGong.Functions.Cases.Workflow;

namespace GuanGong.Functions.Campaigns;

/// <summary>The units of a round: every committee in the campaign's scope with a complete acceptance chain and a contact.</summary>
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
        return [.. launcher.Scope(campaign, tree).Invitees.Select(u => u.Code)];
    }
}
