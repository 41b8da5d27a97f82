namespace GuanGong.Durable;

internal sealed partial class OrchestrationProcessor
{
    private CheckpointRequest BuildCheckpoint(string instanceId, InstanceSnapshot? snapshot, List<HistoryEvent> newEvents, DateTimeOffset now)
    {
        var history = snapshot?.History ?? [];
        for (var i = 0; i < newEvents.Count; i++)
        {
            // Pin a new instance to the version that is the default now; replays keep using it.
            if (newEvents[i] is ExecutionStartedEvent { Version: null } start)
            {
                newEvents[i] = start with { Version = registry.GetDefaultVersion(start.Name) ?? string.Empty };
            }
        }

        var started = new HistoryIndex(history.Concat(newEvents)).Started;
        if (started is null)
        {
            // Events for a created-but-not-started instance are kept until the start arrives;
            // a terminate or a poison failure ends it without running any code.
            var pendingRecord = snapshot!.Record with { LastUpdatedAt = now };
            if (newEvents.OfType<ExecutionTerminatedEvent>().FirstOrDefault() is { } early)
            {
                pendingRecord = pendingRecord with { RuntimeStatus = OrchestrationRuntimeStatus.Terminated, Output = early.Reason, PendingMessageCount = 0 };
            }
            else if (newEvents.OfType<ExecutionCompletedEvent>().FirstOrDefault() is { } failedEarly)
            {
                pendingRecord = pendingRecord with { RuntimeStatus = OrchestrationRuntimeStatus.Failed, FailureDetails = failedEarly.FailureDetails, PendingMessageCount = 0 };
            }

            return new CheckpointRequest(instanceId, snapshot.ETag, pendingRecord, newEvents, false, []);
        }

        var record = (snapshot?.Record ?? new InstanceRecord(instanceId, started.Name, started.Version, started.ExecutionId, OrchestrationRuntimeStatus.Running, now, now, started.Input, null, null, null, 0, null))
            with { Name = started.Name, Version = started.Version, ExecutionId = started.ExecutionId, Input = started.Input, LastUpdatedAt = now, LastError = null };
        var appended = new List<HistoryEvent>(newEvents.Count + 8) { new OrchestratorStartedEvent(now) };
        appended.AddRange(newEvents);
        var outbox = new List<TaskMessage>();

        if (newEvents.OfType<ExecutionTerminatedEvent>().FirstOrDefault() is { } terminated)
        {
            appended.Add(new OrchestratorCompletedEvent(now));
            NotifyParent(started, instanceId, OrchestrationRuntimeStatus.Terminated, terminated.Reason, null, outbox, now);
            return Final(record with { RuntimeStatus = OrchestrationRuntimeStatus.Terminated, Output = terminated.Reason }, appended, outbox);
        }

        if (newEvents.OfType<ExecutionCompletedEvent>().FirstOrDefault() is { } forced)
        {
            appended.Add(new OrchestratorCompletedEvent(now));
            NotifyParent(started, instanceId, OrchestrationRuntimeStatus.Failed, null, forced.FailureDetails, outbox, now);
            return Final(record with { RuntimeStatus = OrchestrationRuntimeStatus.Failed, FailureDetails = forced.FailureDetails }, appended, outbox);
        }

        var result = Execute(instanceId, started, history, appended);
        foreach (var action in result.NewActions)
        {
            appended.Add(action);
            outbox.Add(MessageFor(action, instanceId, started.ExecutionId, now));
        }

        appended.Add(new OrchestratorCompletedEvent(now));
        record = record with { CustomStatus = result.CustomStatusSet ? result.CustomStatus : record.CustomStatus };
        Log.EpisodeCompleted(_logger, instanceId, newEvents.Count, result.Outcome?.Status ?? OrchestrationRuntimeStatus.Running, result.NewActions.Count);
        switch (result.Outcome)
        {
            case null:
                var pending = new HistoryIndex(history.Concat(appended)).OpenCount;
                var status = result.Suspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running;
                return new CheckpointRequest(instanceId, snapshot?.ETag, record with { RuntimeStatus = status, PendingMessageCount = pending }, appended, false, outbox)
                {
                    PreviousRecord = snapshot?.Record,
                };
            case { ContinueAsNew: { } restart }:
                return ContinueAsNew(instanceId, snapshot, record, started, restart, result.Outcome.CarriedEvents, now);
            case { } outcome:
                appended.Add(new ExecutionCompletedEvent(now, outcome.Status, outcome.Output, outcome.Failure));
                NotifyParent(started, instanceId, outcome.Status, outcome.Output, outcome.Failure, outbox, now);
                return Final(record with { RuntimeStatus = outcome.Status, Output = outcome.Output, FailureDetails = outcome.Failure }, appended, outbox);
        }

        CheckpointRequest Final(InstanceRecord final, List<HistoryEvent> events, List<TaskMessage> messages) =>
            new(instanceId, snapshot?.ETag, final with { PendingMessageCount = 0 }, events, false, messages);
    }

    private ExecutionResult Execute(string instanceId, ExecutionStartedEvent started, IReadOnlyList<HistoryEvent> history, List<HistoryEvent> appended)
    {
        var orchestrator = registry.CreateOrchestrator(started.Name, started.Version, services);
        if (orchestrator is null)
        {
            var known = string.Join(", ", registry.GetVersions(started.Name).Select(v => $"'{v}'"));
            var details = new TaskFailureDetails(
                typeof(InvalidOperationException).FullName!,
                $"Orchestrator '{started.Name}' version '{started.Version}' is not registered on this worker (registered versions: {(known.Length == 0 ? "none" : known)}). " +
                "An instance stays pinned to the version it started on: keep that version registered until its instances finish.");
            return new ExecutionResult([], new ExecutionOutcome(OrchestrationRuntimeStatus.Failed, null, details, null, []), null, false);
        }

        return OrchestrationExecutor.Execute(orchestrator, instanceId, started.Name, started.Version ?? string.Empty, history, appended, options.DataConverter, loggerFactory);
    }

    private static CheckpointRequest ContinueAsNew(
        string instanceId,
        InstanceSnapshot? snapshot,
        InstanceRecord record,
        ExecutionStartedEvent started,
        ContinueAsNewRequest restart,
        IReadOnlyList<EventRaisedEvent> carried,
        DateTimeOffset now)
    {
        var executionId = NewId();
        var outbox = new List<TaskMessage>
        {
            new(NewId(), instanceId, executionId, new ExecutionStartedEvent(now, started.Name, started.Version, restart.Input, executionId, started.Parent)),
        };
        outbox.AddRange(carried.Select(e => new TaskMessage(NewId(), instanceId, null, e)));
        var next = record with
        {
            ExecutionId = executionId,
            Input = restart.Input,
            Output = null,
            FailureDetails = null,
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            PendingMessageCount = outbox.Count,
        };
        return new CheckpointRequest(instanceId, snapshot?.ETag, next, [], StartsNewExecution: true, outbox);
    }

    private static TaskMessage MessageFor(HistoryEvent action, string instanceId, string executionId, DateTimeOffset now) => action switch
    {
        TaskScheduledEvent task => new TaskMessage(NewId(), instanceId, executionId, task),
        TimerCreatedEvent timer => new TaskMessage(NewId(), instanceId, executionId, new TimerFiredEvent(timer.FireAt, timer.TaskId, timer.FireAt)),
        SubOrchestrationInstanceCreatedEvent sub => StartChild(sub, instanceId, executionId, now),

        // The message id is derived from the call, so a re-sent outbox is recorded once by the receiver.
        EventSentEvent sent => new TaskMessage(
            $"{instanceId}:{executionId}:{sent.TaskId}",
            sent.InstanceId,
            null,
            new EventRaisedEvent(now, sent.Name, sent.Input, $"{instanceId}:{executionId}:{sent.TaskId}")),
        _ => throw new InvalidOperationException($"No message for action {action.GetType().Name}."),
    };

    private static TaskMessage StartChild(SubOrchestrationInstanceCreatedEvent sub, string instanceId, string executionId, DateTimeOffset now)
    {
        var childExecution = NewId();
        var start = new ExecutionStartedEvent(now, sub.Name, sub.Version, sub.Input, childExecution, new ParentInstanceInfo(instanceId, executionId, sub.TaskId));
        return new TaskMessage(NewId(), sub.InstanceId, childExecution, start);
    }

    private static void NotifyParent(
        ExecutionStartedEvent started,
        string instanceId,
        OrchestrationRuntimeStatus status,
        string? output,
        TaskFailureDetails? failure,
        List<TaskMessage> outbox,
        DateTimeOffset now)
    {
        if (started.Parent is not { } parent)
        {
            return;
        }

        HistoryEvent reply = status == OrchestrationRuntimeStatus.Completed
            ? new SubOrchestrationInstanceCompletedEvent(now, parent.TaskId, output)
            : new SubOrchestrationInstanceFailedEvent(now, parent.TaskId, failure ?? new TaskFailureDetails(
                "GuanGong.Durable.Terminated",
                $"Sub-orchestration '{instanceId}' was terminated: {output}"));
        outbox.Add(new TaskMessage(NewId(), parent.InstanceId, parent.ExecutionId, reply));
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
