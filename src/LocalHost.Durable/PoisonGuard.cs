using System.Globalization;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using DurableTask.Core.Middleware;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.Durable;

/// <summary>
/// DTFx on Azure Storage never gives up on a message: each failed or crashed delivery is retried with a back-off
/// up to 10 minutes, logged as poison from the 10th delivery on, forever. This guard sits in DTFx's dispatcher
/// middleware and ends it: an activity whose message was delivered <c>limit</c> times fails with
/// <see cref="ErrorType"/> (its orchestration sees a TaskFailed), an orchestration work item with such a message
/// ends the orchestration Failed, with the reason in its failure details.
/// </summary>
/// <remarks>
/// The queue's dequeue count rises on every receipt, also when a message is received again without having run
/// (see <see cref="StartedDeliveries"/>), so it only tells a redelivery from a first delivery; what counts toward
/// the limit is how many deliveries started running: the first (not recorded) plus the recorded redeliveries.
/// </remarks>
internal sealed class PoisonGuard(DequeueCountTracker tracker, StartedDeliveries started, int limit, ILogger logger)
{
    /// <summary>The error type a poisoned activity or orchestration reports.</summary>
    public const string ErrorType = "PoisonMessage";

    public async Task ActivityAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var instance = context.GetProperty<OrchestrationInstance>();
        var scheduled = context.GetProperty<TaskScheduledEvent>();
        if (instance is not null && scheduled is not null)
        {
            var count = await StartsAsync(instance.InstanceId, nameof(EventType.TaskScheduled), scheduled.EventId);
            if (count >= limit)
            {
                var reason = string.Format(
                    CultureInfo.InvariantCulture,
                    "Activity '{0}' (task {1}) of instance '{2}' was delivered {3} times without completing (the process died or the dispatcher failed each time); it is treated as poison and not run again.",
                    scheduled.Name, scheduled.EventId, instance.InstanceId, count);
                logger.LogError("Poison: {Reason}", reason);
                var failure = new FailureDetails(ErrorType, reason, stackTrace: null, innerFailure: null, isNonRetriable: true);
                context.SetProperty(new ActivityExecutionResult
                {
                    ResponseEvent = new TaskFailedEvent(-1, scheduled.EventId, reason, details: null, failure),
                });
                await ForgetAsync(instance.InstanceId, nameof(EventType.TaskScheduled), scheduled.EventId);
                return;
            }
        }

        await next();
    }

    public async Task OrchestrationAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var workItem = context.GetProperty<TaskOrchestrationWorkItem>();
        var instance = context.GetProperty<OrchestrationInstance>();
        if (workItem?.NewMessages is { } messages && instance is not null)
        {
            foreach (var message in messages)
            {
                var eventType = message.Event.EventType.ToString();
                var taskEventId = TaskEventId(message.Event);
                var count = await StartsAsync(instance.InstanceId, eventType, taskEventId);
                if (count < limit)
                {
                    continue;
                }

                var reason = string.Format(
                    CultureInfo.InvariantCulture,
                    "Orchestration '{0}' could not process its {1} message (task {2}): delivered {3} times without completing (the process died or the dispatcher failed each time); it is treated as poison and the instance is failed.",
                    instance.InstanceId, eventType, taskEventId, count);
                logger.LogError("Poison: {Reason}", reason);
                await ForgetAsync(instance.InstanceId, eventType, taskEventId);
                context.SetProperty(new OrchestratorExecutionResult
                {
                    Actions =
                    [
                        new OrchestrationCompleteOrchestratorAction
                        {
                            Id = -1,
                            OrchestrationStatus = OrchestrationStatus.Failed,
                            Result = reason,
                            FailureDetails = new FailureDetails(ErrorType, reason, stackTrace: null, innerFailure: null, isNonRetriable: true),
                        },
                    ],
                });
                return;
            }
        }

        await next();
    }

    // Deliveries of the message that started running, this one included: 1 for a first delivery (no storage
    // request), else 1 + the recorded redeliveries.
    private async Task<long> StartsAsync(string instanceId, string eventType, int taskEventId) =>
        tracker.Get(instanceId, eventType, taskEventId) <= 1
            ? 1
            : 1 + await started.RecordStartAsync(instanceId, $"{eventType}|{taskEventId}");

    private async Task ForgetAsync(string instanceId, string eventType, int taskEventId)
    {
        tracker.Forget(instanceId, eventType, taskEventId);
        await started.ForgetAsync(instanceId, $"{eventType}|{taskEventId}");
    }

    // The id DTFx's Azure Storage backend logs for a message: the scheduling task's id for a result, else the event's.
    internal static int TaskEventId(HistoryEvent e) => e switch
    {
        TaskCompletedEvent c => c.TaskScheduledId,
        TaskFailedEvent f => f.TaskScheduledId,
        SubOrchestrationInstanceCompletedEvent s => s.TaskScheduledId,
        SubOrchestrationInstanceFailedEvent s => s.TaskScheduledId,
        _ => e.EventId,
    };
}
