using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace GuanGong.LocalHost.SampleApp;

/// <summary>Announces the request, then races a decision event against a durable timer.</summary>
public static class ApprovalOrchestration
{
    public const string DecisionEvent = "Decision";

    [Function(nameof(ApprovalOrchestration))]
    public static async Task<ApprovalOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var request = context.GetInput<ApprovalRequest>() ?? throw new InvalidOperationException("No input");
        var announcement = await context.CallActivityAsync<string>(nameof(ApprovalActivities.AnnounceApproval), request);

        using var timeout = new CancellationTokenSource();
        var decision = context.WaitForExternalEvent<Decision>(DecisionEvent, timeout.Token);
        var timer = context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(request.TimeoutSeconds), timeout.Token);
        var winner = await Task.WhenAny(decision, timer);
        // Cancel, not CancelAsync: orchestrator code may await only durable tasks, or the episode ends
        // with nothing scheduled and the instance stays Running for ever.
#pragma warning disable CA1849
        timeout.Cancel();
#pragma warning restore CA1849

        var record = winner == decision
            ? new DecisionRecord(request.Subject, decision.Result.Verdict, TimedOut: false)
            : new DecisionRecord(request.Subject, "none", TimedOut: true);
        var recorded = await context.CallActivityAsync<RecordedDecision>(nameof(ApprovalActivities.RecordDecision), record);
        return new ApprovalOutcome(record.Subject, record.Verdict, record.TimedOut, announcement, recorded.ActivityCount, recorded.Scope);
    }
}
