using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Durable;

/// <summary>
/// Runs one activity call and turns its outcome into the history event the calling instance
/// records: completed with the serialized result, or failed with the exception's details. Shared
/// by queued work items and local activities, so both record failures the same way.
/// </summary>
internal sealed class ActivityInvoker(DurableTaskRegistry registry, DurableTaskWorkerOptions options, IServiceProvider services)
{
    public async Task<HistoryEvent> RunAsync(string instanceId, TaskScheduledEvent scheduled, CancellationToken cancellationToken)
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
