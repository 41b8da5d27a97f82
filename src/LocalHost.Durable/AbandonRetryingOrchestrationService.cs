using Azure;
using Azure.Storage.Queues.Models;
using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.Durable;

/// <summary>
/// Keeps handing a failed activity's message back to its queue until storage takes it. DTFx's Azure Storage
/// service remembers every activity message it is running and forgets one only when its completion or its abandon
/// succeeds; a redelivered message it still remembers is dropped as "processed multiple times concurrently"
/// (Azure/durabletask#1173). So when storage is down both while an activity's result is being sent and while its
/// message is being handed back, that activity never runs again in this process, and its orchestration waits until
/// the process restarts. Retrying the abandon (every 1 s, doubling to 15 s) until it goes through, or the message
/// is gone, or the worker stops, makes the message run again once storage is back. An outage longer than the
/// work-item visibility timeout (5 minutes by default) still loses the race: the message is received again with a
/// new pop receipt, no hand-back can succeed, and that activity waits for another worker or a restart.
/// </summary>
internal sealed class AbandonRetryingOrchestrationService(IOrchestrationService inner, ILogger logger)
    : ForwardingOrchestrationService(inner), IDisposable
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);
    private readonly CancellationTokenSource _stopping = new();

    public override async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // A message already gone (deleted) is not an error to DTFx: it returns. One received again meanwhile is (below).
                await Inner.AbandonTaskActivityWorkItemAsync(workItem);
                if (attempt > 1)
                {
                    logger.LogInformation("Activity work item {WorkItemId} handed back to its queue on attempt {Attempt}", workItem.Id, attempt);
                }

                return;
            }
            catch (Exception e) when (IsPopReceiptMismatch(e))
            {
                // Storage was down for longer than the message's visibility timeout: it became visible and was received
                // again (DTFx dropped it here as still running). No hand-back can succeed now.
                logger.LogError(
                    "Activity work item {WorkItemId} was received again while it could not be handed back (storage unreachable for longer than the work-item visibility timeout); it runs again on another worker or after this process restarts",
                    workItem.Id);
                throw;
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                logger.LogWarning(
                    "Could not hand activity work item {WorkItemId} back to its queue (attempt {Attempt}: {Error}); trying again in {Delay}",
                    workItem.Id, attempt, e.GetBaseException().Message, delay);
            }

            try
            {
                await Task.Delay(delay, TimeProvider.System, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // The worker is stopping: the message comes back after its visibility timeout, to the next process.
                throw new InvalidOperationException($"The worker stopped before activity work item {workItem.Id} could be handed back to its queue.");
            }

            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }
    }

    private static bool IsPopReceiptMismatch(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is RequestFailedException { Status: 400 } failed && failed.ErrorCode == QueueErrorCode.PopReceiptMismatch.ToString())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ends retrying (the worker is stopping): a message not yet handed back returns after its visibility timeout.</summary>
    public void StopRetrying() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();
}
