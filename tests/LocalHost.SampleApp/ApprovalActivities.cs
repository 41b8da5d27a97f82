using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.SampleApp;

/// <summary>Activity functions as instance methods with constructor-injected services.</summary>
public sealed class ApprovalActivities(Greeter greeter, AppCounters counters, RequestScope scope, ILogger<ApprovalActivities> logger)
{
    [Function(nameof(AnnounceApproval))]
    public string AnnounceApproval([ActivityTrigger] ApprovalRequest request)
    {
        counters.NextActivity();
        logger.LogInformation("Announcing {Subject}", request.Subject);
        return greeter.Greet(request.Subject);
    }

    [Function(nameof(RecordDecision))]
    public Task<RecordedDecision> RecordDecision([ActivityTrigger] DecisionRecord record, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Task.FromResult(new RecordedDecision(counters.NextActivity(), scope.Id));
    }
}
