using System.Globalization;

namespace GuanGong.Durable;

internal sealed partial class ReplayOrchestrationContext
{
    /// <summary>Feeds one history event to the context; returns the orchestrator task when the event starts the execution.</summary>
    public Task<object?>? Apply(HistoryEvent historyEvent, ITaskOrchestrator orchestrator)
    {
        if (_suspended && historyEvent is TaskCompletedEvent or TaskFailedEvent or SubOrchestrationInstanceCompletedEvent
            or SubOrchestrationInstanceFailedEvent or TimerFiredEvent or EventRaisedEvent)
        {
            // Held while suspended, exactly as the live episode held them, so replay matches.
            _held.Enqueue(historyEvent);
            return null;
        }

        switch (historyEvent)
        {
            case ExecutionSuspendedEvent:
                _suspended = true;
                break;
            case ExecutionResumedEvent:
                _suspended = false;
                while (!_suspended && _held.TryDequeue(out var held))
                {
                    Apply(held, orchestrator);
                }

                break;
            case OrchestratorStartedEvent started:
                _currentUtc = started.Timestamp;
                break;
            case ExecutionStartedEvent start:
                _input = start.Input;
                return Start(orchestrator, start.Input);
            case TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent or EventSentEvent:
                Confirm(historyEvent);
                break;
            case TaskCompletedEvent completed:
                Take(completed.TaskScheduledId)?.Complete(completed.Result, converter);
                break;
            case TaskFailedEvent failed:
                Take(failed.TaskScheduledId)?.Fail(failed.FailureDetails);
                break;
            case SubOrchestrationInstanceCompletedEvent completed:
                Take(completed.TaskScheduledId)?.Complete(completed.Result, converter);
                break;
            case SubOrchestrationInstanceFailedEvent failed:
                Take(failed.TaskScheduledId)?.Fail(failed.FailureDetails);
                break;
            case TimerFiredEvent fired:
                Take(fired.TimerId)?.Complete(null, converter);
                break;
            case EventRaisedEvent raised:
                Deliver(raised);
                break;
        }

        return null;
    }

    /// <summary>Fails when the code has asked for calls that the replayed history does not hold.</summary>
    public void VerifyAllConfirmed()
    {
        if (_unconfirmed.Count > 0)
        {
            var (id, asked) = _unconfirmed.First();
            throw NonDeterminism($"the code asked for {Describe(asked)} as call #{id}, but history holds no call #{id} at that point");
        }
    }

    private Task<object?> Start(ITaskOrchestrator orchestrator, string? input)
    {
        try
        {
            return orchestrator.RunAsync(this, converter.Deserialize(input, orchestrator.InputType));
        }
        catch (Exception ex)
        {
            return Task.FromException<object?>(ex);
        }
    }

    private OpenTask? Take(int taskId) => _open.Remove(taskId, out var open) ? open : null;

    private void Deliver(EventRaisedEvent raised)
    {
        if (_waiters.TryGetValue(raised.Name, out var list) && list.Count > 0)
        {
            var waiter = list[0];
            list.RemoveAt(0);
            waiter.Complete(raised.Input, converter);
            return;
        }

        if (!_buffered.TryGetValue(raised.Name, out var queue))
        {
            queue = new Queue<EventRaisedEvent>();
            _buffered[raised.Name] = queue;
        }

        queue.Enqueue(raised);
    }

    private void Confirm(HistoryEvent recorded)
    {
        var id = TaskIdOf(recorded);
        if (!_unconfirmed.Remove(id, out var asked))
        {
            throw NonDeterminism($"history holds {Describe(recorded)} as call #{id}, but the code did not ask for it (it has made {_nextTaskId} call(s) so far)");
        }

        if (asked.GetType() != recorded.GetType() || !string.Equals(NameOf(asked), NameOf(recorded), StringComparison.OrdinalIgnoreCase))
        {
            throw NonDeterminism($"the code asked for {Describe(asked)} as call #{id}, but history holds {Describe(recorded)}");
        }
    }

    private NonDeterministicOrchestrationException NonDeterminism(string detail) => new(
        $"Non-deterministic orchestration detected in '{Name}' (version '{Version}', instance '{InstanceId}'): {detail}. " +
        "The orchestrator code changed while this instance was in flight, or it branches on something other than its input and history. " +
        "Keep the old version registered for in-flight instances, and use the context's time, GUIDs and timers.");

    internal static int TaskIdOf(HistoryEvent scheduled) => scheduled switch
    {
        TaskScheduledEvent task => task.TaskId,
        TimerCreatedEvent timer => timer.TaskId,
        SubOrchestrationInstanceCreatedEvent sub => sub.TaskId,
        EventSentEvent sent => sent.TaskId,
        _ => -1,
    };

    private static string? NameOf(HistoryEvent scheduled) => scheduled switch
    {
        TaskScheduledEvent task => task.Name,
        SubOrchestrationInstanceCreatedEvent sub => sub.Name,
        EventSentEvent sent => sent.InstanceId + "/" + sent.Name,
        _ => null,
    };

    internal static string Describe(HistoryEvent scheduled) => scheduled switch
    {
        TaskScheduledEvent task => $"activity '{task.Name}'",
        TimerCreatedEvent timer => string.Create(CultureInfo.InvariantCulture, $"a timer due {timer.FireAt:o}"),
        SubOrchestrationInstanceCreatedEvent sub => $"sub-orchestration '{sub.Name}'",
        EventSentEvent sent => $"event '{sent.Name}' to '{sent.InstanceId}'",
        _ => scheduled.GetType().Name,
    };
}
