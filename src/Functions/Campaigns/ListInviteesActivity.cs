using GuanGong.Durable;
using GuanGong.Functions.Cases.Workflow;

namespace GuanGong.Functions.Campaigns;

/// <summary>The units of a round: every committee in the campaign's scope with a complete acceptance chain and a contact.</summary>
[DurableTask(Name)]
public sealed class ListInviteesActivity(WorkflowServices services, CampaignLauncher launcher) : TaskActivity<InvitationRun, IReadOnlyList<string>>
{
    public const string Name = "ListInvitees";

    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, InvitationRun input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var campaign = await services.Campaigns.FindAsync(input.CampaignId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Campaign {input.CampaignId} does not exist.");
        var tree = await services.Directory.GetTreeAsync(CancellationToken.None);
        return [.. launcher.Scope(campaign, tree).Invitees.Select(u => u.Code)];
    }
}
