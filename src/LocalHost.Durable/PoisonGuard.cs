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
internal sealed class PoisonGuard(DequeueCountTracker tracker, int limit, ILogger logger)
{
    /// <summary>The error type a poisoned activity or orchestration reports.</summary>
    public const string ErrorType = "PoisonMessage";

    public async Task ActivityAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var instance = context.GetProperty<OrchestrationInstance>();
        var scheduled = context.GetProperty<TaskScheduledEvent>();
        if (instance is not null && scheduled is not null)
        {
            var count = tracker.Get(instance.InstanceId, nameof(EventType.TaskScheduled), scheduled.EventId);
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
                tracker.Forget(instance.InstanceId, nameof(EventType.TaskScheduled), scheduled.EventId);
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
                var count = tracker.Get(instance.InstanceId, eventType, taskEventId);
                if (count < limit)
                {
                    continue;
                }

                var reason = string.Format(
                    CultureInfo.InvariantCulture,
                    "Orchestration '{0}' could not process its {1} message (task {2}): delivered {3} times without completing (the process died or the dispatcher failed each time); it is treated as poison and the instance is failed.",
                    instance.InstanceId, eventType, taskEventId, count);
                logger.LogError("Poison: {Reason}", reason);
                tracker.Forget(instance.InstanceId, eventType, taskEventId);
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
