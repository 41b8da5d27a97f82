using System.Diagnostics;

namespace GuanGong.Durable;

internal sealed partial class OrchestrationProcessor
{
    /// <summary>
    /// Builds the episode's checkpoint. With local activities on, the activities it schedules that
    /// this worker has registered run here; their results are fed back to the orchestrator as new
    /// events, round after round, until it waits on something else, finishes, or the episode's
    /// budget (rounds, time) is spent. The rounds are recorded exactly as separate episodes would
    /// be (each with its own OrchestratorStarted time), so replay cannot tell the difference, and
    /// all of them go into one checkpoint; calls left over are queued from its outbox as usual.
    /// </summary>
    private async Task<CheckpointRequest> BuildCheckpointAsync(
        string instanceId,
        InstanceSnapshot? snapshot,
        List<HistoryEvent> newEvents,
        DateTimeOffset now,
        List<ReceivedMessage> consumed,
        Activity? span,
        CancellationToken cancellationToken)
    {
        var request = BuildCheckpoint(instanceId, snapshot, newEvents, now);
        if (localActivities is null || !WaitsOnLocalActivities(request))
        {
            return request;
        }

        var began = options.TimeProvider.GetTimestamp();
        var history = new List<HistoryEvent>(snapshot?.History ?? []);
        var events = new List<HistoryEvent>();
        var outbox = new List<TaskMessage>();
        var rounds = 0;
        var ran = 0;
        while (true)
        {
            var local = rounds < options.LocalActivityMaxRounds && options.TimeProvider.GetElapsedTime(began) < options.LocalActivityTimeLimit && WaitsOnLocalActivities(request)
                ? request.Outbox.Where(IsLocal).ToList()
                : [];
            outbox.AddRange(request.Outbox.Where(m => !local.Contains(m)));
            if (request.StartsNewExecution)
            {
                // ContinueAsNew: the new execution's history starts empty; messages already produced still go out.
                events.Clear();
            }

            events.AddRange(request.NewEvents);
            if (local.Count == 0)
            {
                break;
            }

            var results = await localActivities.RunAsync(instanceId, [.. local.Select(m => (TaskScheduledEvent)m.Event)], consumed, cancellationToken).ConfigureAwait(false);
            rounds++;
            ran += local.Count;
            history.AddRange(request.NewEvents);
            var sofar = new InstanceSnapshot(request.Record, snapshot?.ETag ?? string.Empty, history, []);
            request = BuildCheckpoint(instanceId, sofar, results, options.TimeProvider.GetUtcNow());
        }

        span?.SetTag("durabletask.local_activities", ran);
        Log.LocalActivitiesRan(_logger, instanceId, ran, rounds, outbox.Count(m => m.IsWorkItem));
        return request with
        {
            ExpectedETag = snapshot?.ETag,
            NewEvents = events,
            Outbox = outbox,
            PreviousRecord = request.PreviousRecord is null ? null : snapshot?.Record,
        };
    }

    // Only a running orchestrator waits for its calls; one that finished or restarted leaves them queued (results discarded, as before).
    private bool WaitsOnLocalActivities(CheckpointRequest request) =>
        request is { StartsNewExecution: false, Record.RuntimeStatus: OrchestrationRuntimeStatus.Running } && request.Outbox.Any(IsLocal);

    private bool IsLocal(TaskMessage message) => message.Event is TaskScheduledEvent call && registry.RunsLocally(call.Name);
}
