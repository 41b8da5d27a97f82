using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GuanGong.Durable;

/// <summary>
/// Runs one activity work item and replies to the calling instance. The reply is sent before the
/// work item is deleted, so a crash in between runs the activity again and the instance records
/// the first reply only (at-least-once execution, exactly-once in history).
/// </summary>
internal sealed class ActivityProcessor(
    IOrchestrationBackend backend,
    ActivityInvoker invoker,
    SendWakeups wakeups,
    DurableTaskWorkerOptions options,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("GuanGong.Durable.Activity");

    public async Task ProcessAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var work = message.Message;
        var scheduled = (TaskScheduledEvent)work.Event;
        using var span = DurableTelemetry.Source.StartActivity($"activity {scheduled.Name}", ActivityKind.Internal);
        span?.SetTag("durabletask.instance_id", work.InstanceId);
        span?.SetTag("durabletask.task_name", scheduled.Name);
        span?.SetTag("durabletask.task_id", scheduled.TaskId);
        using var requests = StorageRequestScope.Begin();
        try
        {
            await RunAndReplyAsync(message, work, scheduled, span, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DurableTelemetry.RecordRequests(span, requests, "activity");
        }
    }

    private async Task RunAndReplyAsync(ReceivedMessage message, TaskMessage work, TaskScheduledEvent scheduled, Activity? span, CancellationToken cancellationToken)
    {
        HistoryEvent reply;
        using (var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // An activity may outlast the visibility timeout: keep its work item hidden meanwhile,
            // or another worker would run it a second time.
            var renewal = KeepHiddenAsync(message, renewing.Token);
            try
            {
                reply = await invoker.RunAsync(work.InstanceId, scheduled, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await renewing.CancelAsync().ConfigureAwait(false);
                message = await renewal.ConfigureAwait(false);
            }
        }

        span?.SetStatus(reply is TaskFailedEvent ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
        Log.ActivityCompleted(_logger, scheduled.Name, scheduled.TaskId, work.InstanceId, reply is TaskFailedEvent ? "failed" : "completed");
        if (options.FaultInjector is { } inject)
        {
            await inject(CheckpointStep.BeforeActivityResultSend, work.InstanceId).ConfigureAwait(false);
        }

        await wakeups.SendAsync(backend, new TaskMessage(Guid.NewGuid().ToString("N"), work.InstanceId, work.ExecutionId, reply), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        if (message.Receipt is not null)
        {
            await backend.DeleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    // Returns the message with its latest receipt, for the delete.
    private async Task<ReceivedMessage> KeepHiddenAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        if (message.Receipt is null)
        {
            return message;
        }

        var interval = options.MessageVisibilityTimeout / 2;
        try
        {
            while (true)
            {
                await Task.Delay(interval, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                try
                {
                    message = await backend.RenewAsync(message, options.MessageVisibilityTimeout, cancellationToken).ConfigureAwait(false) ?? message;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed renewal only risks a duplicate run (recorded once); the activity goes on.
                    Log.ActivityError(_logger, ((TaskScheduledEvent)message.Message.Event).Name, message.Message.InstanceId, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return message;
        }
    }
}
