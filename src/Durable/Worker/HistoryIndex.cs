namespace GuanGong.Durable;

/// <summary>What a history already holds, for deduplicating redelivered messages.</summary>
internal sealed class HistoryIndex
{
    private readonly HashSet<int> _open = [];
    private readonly HashSet<string> _raisedMessageIds = new(StringComparer.Ordinal);

    public HistoryIndex(IEnumerable<HistoryEvent> history)
    {
        foreach (var historyEvent in history)
        {
            Add(historyEvent);
        }
    }

    public bool HasStarted { get; private set; }

    public ExecutionStartedEvent? Started { get; private set; }

    public bool HasEnded { get; private set; }

    public int OpenCount => _open.Count;

    public void Add(HistoryEvent historyEvent)
    {
        switch (historyEvent)
        {
            case ExecutionStartedEvent started:
                HasStarted = true;
                Started = started;
                break;
            case ExecutionCompletedEvent or ExecutionTerminatedEvent:
                HasEnded = true;
                break;
            case TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent:
                _open.Add(ReplayOrchestrationContext.TaskIdOf(historyEvent));
                break;
            case EventRaisedEvent raised:
                _raisedMessageIds.Add(raised.MessageId);
                break;
            default:
                if (CompletedTaskId(historyEvent) is { } id)
                {
                    _open.Remove(id);
                }

                break;
        }
    }

    /// <summary>Whether the message brings news to this history (and records it, so a duplicate in the same batch is refused).</summary>
    public bool Accepts(TaskMessage message, string? currentExecutionId)
    {
        var historyEvent = message.Event;
        var accepted = historyEvent switch
        {
            ExecutionStartedEvent started => !HasStarted && (currentExecutionId is null || currentExecutionId == started.ExecutionId),
            EventRaisedEvent raised => !HasEnded && !_raisedMessageIds.Contains(raised.MessageId),
            // A request aimed at one execution (a poison failure) must not end the next one.
            ExecutionTerminatedEvent or ExecutionCompletedEvent or ExecutionSuspendedEvent or ExecutionResumedEvent =>
                !HasEnded && (message.ExecutionId is null || message.ExecutionId == currentExecutionId),
            _ => !HasEnded && message.ExecutionId == currentExecutionId && CompletedTaskId(historyEvent) is { } id && _open.Contains(id),
        };
        if (accepted)
        {
            Add(historyEvent);
        }

        return accepted;
    }

    internal static int? CompletedTaskId(HistoryEvent historyEvent) => historyEvent switch
    {
        TaskCompletedEvent e => e.TaskScheduledId,
        TaskFailedEvent e => e.TaskScheduledId,
        SubOrchestrationInstanceCompletedEvent e => e.TaskScheduledId,
        SubOrchestrationInstanceFailedEvent e => e.TaskScheduledId,
        TimerFiredEvent e => e.TimerId,
        _ => null,
    };
}
