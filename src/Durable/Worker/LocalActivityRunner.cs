using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GuanGong.Durable;

/// <summary>
/// Runs the activities an episode scheduled inside that episode (local activities). They share the
/// worker's activity slots with queued work items, so <see cref="DurableTaskWorkerOptions.MaxConcurrentActivityFunctions"/>
/// bounds both together. The episode's consumed messages are kept hidden while they run: the
/// messages are the work item now, and their redelivery is what re-runs the activities after a crash.
/// </summary>
internal sealed class LocalActivityRunner(
    IOrchestrationBackend backend,
    ActivityInvoker invoker,
    SemaphoreSlim slots,
    DurableTaskWorkerOptions options,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("GuanGong.Durable.Activity");

    /// <summary>Runs <paramref name="calls"/> (concurrently, within the activity slots) and returns their results in call order.</summary>
    public async Task<List<HistoryEvent>> RunAsync(string instanceId, IReadOnlyList<TaskScheduledEvent> calls, List<ReceivedMessage> consumed, CancellationToken cancellationToken)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = KeepHiddenAsync(consumed, renewing.Token);
        try
        {
            return [.. await Task.WhenAll(calls.Select(call => RunOneAsync(instanceId, call, cancellationToken))).ConfigureAwait(false)];
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    private async Task<HistoryEvent> RunOneAsync(string instanceId, TaskScheduledEvent call, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var span = DurableTelemetry.Source.StartActivity($"activity {call.Name}", ActivityKind.Internal);
            span?.SetTag("durabletask.instance_id", instanceId);
            span?.SetTag("durabletask.task_name", call.Name);
            span?.SetTag("durabletask.task_id", call.TaskId);
            span?.SetTag("durabletask.local", true);
            var reply = await invoker.RunAsync(instanceId, call, cancellationToken).ConfigureAwait(false);
            span?.SetStatus(reply is TaskFailedEvent ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
            Log.ActivityCompleted(_logger, call.Name, call.TaskId, instanceId, reply is TaskFailedEvent ? "failed (local)" : "completed (local)");
            if (options.FaultInjector is { } inject)
            {
                await inject(CheckpointStep.BeforeActivityResultSend, instanceId).ConfigureAwait(false);
            }

            return reply;
        }
        finally
        {
            slots.Release();
        }
    }

    // Renews every consumed message at half the visibility timeout, replacing each with its latest
    // receipt so that the episode's final delete uses it.
    private async Task KeepHiddenAsync(List<ReceivedMessage> consumed, CancellationToken cancellationToken)
    {
        if (consumed.TrueForAll(m => m.Receipt is null))
        {
            return;
        }

        try
        {
            while (true)
            {
                await Task.Delay(options.MessageVisibilityTimeout / 2, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < consumed.Count; i++)
                {
                    if (consumed[i].Receipt is null)
                    {
                        continue;
                    }

                    try
                    {
                        consumed[i] = await backend.RenewAsync(consumed[i], options.MessageVisibilityTimeout, cancellationToken).ConfigureAwait(false) ?? consumed[i];
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // A failed renewal only risks a second episode running the same activities (recorded once).
                        Log.RenewalFailed(_logger, consumed[i].Message.InstanceId, ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
