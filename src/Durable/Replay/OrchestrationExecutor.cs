using Microsoft.Extensions.Logging;

namespace GuanGong.Durable;

/// <summary>
/// Replays an orchestrator over its history and then feeds it the episode's new events. Runs
/// synchronously on the calling thread inside an <see cref="OrchestrationSynchronizationContext"/>.
/// </summary>
internal static class OrchestrationExecutor
{
    public static ExecutionResult Execute(
        ITaskOrchestrator orchestrator,
        string instanceId,
        string name,
        string version,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> newEvents,
        DataConverter converter,
        ILoggerFactory loggerFactory)
    {
        var context = new ReplayOrchestrationContext(instanceId, name, version, converter, loggerFactory);
        var pump = new OrchestrationSynchronizationContext();
        Task<object?>? running = null;
        try
        {
            foreach (var historyEvent in past)
            {
                pump.Run(() => running = context.Apply(historyEvent, orchestrator) ?? running);
            }

            context.VerifyAllConfirmed();
            context.Replaying = false;
            foreach (var historyEvent in newEvents)
            {
                pump.Run(() => running = context.Apply(historyEvent, orchestrator) ?? running);
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return Failed(TaskFailureDetails.FromException(ex) with { StackTrace = null }, context);
        }

        if (running is null)
        {
            return new ExecutionResult([], null, context.CustomStatus, context.CustomStatusSet);
        }

        if (!running.IsCompleted)
        {
            if (pump.ForeignContinuationDetected || (context.OutstandingWaits == 0 && !context.Suspended))
            {
                return Failed(
                    new TaskFailureDetails(
                        typeof(InvalidOperationException).FullName!,
                        $"Orchestrator '{name}' (instance '{instanceId}') awaited a task that is not a durable task " +
                        "(for example Task.Delay, Task.Run, I/O or ConfigureAwait(false)). Orchestrators may only await tasks " +
                        "returned by the orchestration context: use CreateTimer instead of Task.Delay and do I/O in activities."),
                    context);
            }

            return new ExecutionResult([.. context.UnconfirmedActions], null, context.CustomStatus, context.CustomStatusSet, context.Suspended);
        }

        return Completed(running, context);
    }

    private static ExecutionResult Completed(Task<object?> finished, ReplayOrchestrationContext context)
    {
        if (finished.IsFaulted)
        {
            var error = finished.Exception!.InnerExceptions.Count == 1 ? finished.Exception.InnerException! : finished.Exception;
            return Failed(TaskFailureDetails.FromException(error), context, [.. context.UnconfirmedActions]);
        }

        if (finished.IsCanceled)
        {
            return Failed(new TaskFailureDetails(typeof(TaskCanceledException).FullName!, "The orchestrator's task was cancelled."), context, [.. context.UnconfirmedActions]);
        }

        if (context.ContinueAsNewRequested is { } restart)
        {
            IReadOnlyList<EventRaisedEvent> carried = restart.PreserveUnprocessedEvents ? [.. context.UnconsumedEvents] : [];
            var outcome = new ExecutionOutcome(OrchestrationRuntimeStatus.Running, null, null, restart, carried);
            return new ExecutionResult([], outcome, context.CustomStatus, context.CustomStatusSet);
        }

        string? output;
        try
        {
            output = context.Converter.Serialize(finished.Result);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return Failed(TaskFailureDetails.FromException(ex), context);
        }

        var completed = new ExecutionOutcome(OrchestrationRuntimeStatus.Completed, output, null, null, []);
        return new ExecutionResult([.. context.UnconfirmedActions], completed, context.CustomStatus, context.CustomStatusSet);
    }

    private static ExecutionResult Failed(TaskFailureDetails details, ReplayOrchestrationContext context, IReadOnlyList<HistoryEvent>? actions = null) =>
        new(actions ?? [], new ExecutionOutcome(OrchestrationRuntimeStatus.Failed, null, details, null, []), context.CustomStatus, context.CustomStatusSet);
}
