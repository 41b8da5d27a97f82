using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.Durable;

/// <summary>
/// Runs one activity work item and replies to the calling instance. The reply is sent before the
/// work item is deleted, so a crash in between runs the activity again and the instance records
/// the first reply only (at-least-once execution, exactly-once in history).
/// </summary>
internal sealed class ActivityProcessor(
    IOrchestrationBackend backend,
    DurableTaskRegistry registry,
    DurableTaskWorkerOptions options,
    IServiceProvider services,
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
                reply = await RunAsync(work.InstanceId, scheduled, cancellationToken).ConfigureAwait(false);
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

        await backend.SendAsync(new TaskMessage(Guid.NewGuid().ToString("N"), work.InstanceId, work.ExecutionId, reply), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
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

    private async Task<HistoryEvent> RunAsync(string instanceId, TaskScheduledEvent scheduled, CancellationToken cancellationToken)
    {
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var activity = registry.CreateActivity(scheduled.Name, scope.ServiceProvider);
            if (activity is null)
            {
                return new TaskFailedEvent(options.TimeProvider.GetUtcNow(), scheduled.TaskId, new TaskFailureDetails(
                    typeof(InvalidOperationException).FullName!,
                    $"Activity '{scheduled.Name}' is not registered on this worker."));
            }

            try
            {
                var input = options.DataConverter.Deserialize(scheduled.Input, activity.InputType);
                var output = await activity.RunAsync(new ActivityContext(scheduled.Name, instanceId, scheduled.TaskId), input).ConfigureAwait(false);
                return new TaskCompletedEvent(options.TimeProvider.GetUtcNow(), scheduled.TaskId, options.DataConverter.Serialize(output));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                return new TaskFailedEvent(options.TimeProvider.GetUtcNow(), scheduled.TaskId, TaskFailureDetails.FromException(ex));
            }
        }
    }
}
