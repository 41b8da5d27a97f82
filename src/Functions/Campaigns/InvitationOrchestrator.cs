using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using GuanGong.Functions.Cases.Workflow;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// Sends a round of a campaign year's invitations in the background, in batches. A county of a few
/// hundred units is minutes of SMTP, a city of thousands far more than an HTTP request may last, so
/// the launch answers at once and this carries the sending; a crash resumes at the batch it was in.
/// </summary>
public static class InvitationOrchestrator
{
    public const string Name = "CampaignInvitations";

    /// <summary>
    /// Units per activity call: a crash re-runs at most this many checks, and mails only to units not
    /// yet marked. Small, because a work item's deliveries count toward the poison limit whether or
    /// not each made progress: a 100-unit crash run (20 SIGKILLs in two minutes) saw a batch of 25,
    /// a few seconds of SMTP, killed five times and the whole launch failed as poison at unit 80.
    /// </summary>
    public const int BatchSize = 5;

    [Function(Name)]
    public static async Task<int> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<InvitationRun>() ?? throw new InvalidOperationException("The invitation run was started without its input.");
        var units = await context.CallActivityAsync<IReadOnlyList<string>>(ListInviteesActivity.Name, input, CaseOrchestrator.Retry);
        var sent = 0;
        foreach (var batch in units.Chunk(BatchSize))
        {
            sent += await context.CallActivityAsync<int>(SendInvitationsActivity.Name, new InvitationBatch(input, batch), CaseOrchestrator.Retry);
        }

        return sent;
    }
}
