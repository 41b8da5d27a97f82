namespace GuanGong.Durable.Tests.Engine;

public sealed class WireFormatTests
{
    // The shape queues and tables hold today; a change to the records must keep reading it.
    private const string StoredWorkItem = """
        {"messageId":"m1","instanceId":"i1","executionId":"e1","event":{"kind":"TaskScheduled","timestamp":"2026-01-05T09:00:00+00:00","taskId":3,"name":"Send","version":null,"input":"\"x\""}}
        """;

    [Fact]
    public void Deserialize_StoredWorkItemShape_ReadsEveryField()
    {
        var message = TaskMessageSerializer.Deserialize(StoredWorkItem);

        var scheduled = Assert.IsType<TaskScheduledEvent>(message.Event);
        Assert.True(message.IsWorkItem);
        Assert.Equal(("m1", "i1", "e1"), (message.MessageId, message.InstanceId, message.ExecutionId));
        Assert.Equal((3, "Send", "\"x\""), (scheduled.TaskId, scheduled.Name, scheduled.Input));
    }

    [Fact]
    public void SerializeEvents_EveryKind_RoundTrips()
    {
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var failure = new TaskFailureDetails("E", "m", null, new TaskFailureDetails("I", "inner"));
        HistoryEvent[] events =
        [
            new ExecutionStartedEvent(at, "O", "1", "{}", "e", new ParentInstanceInfo("p", "pe", 2), at),
            new OrchestratorStartedEvent(at),
            new TaskScheduledEvent(at, 0, "A", null, "1"),
            new TaskCompletedEvent(at, 0, "2"),
            new TaskFailedEvent(at, 1, failure),
            new TimerCreatedEvent(at, 2, at.AddDays(1)),
            new TimerFiredEvent(at, 2, at.AddDays(1)),
            new SubOrchestrationInstanceCreatedEvent(at, 3, "S", null, "c", null),
            new SubOrchestrationInstanceCompletedEvent(at, 3, "r"),
            new SubOrchestrationInstanceFailedEvent(at, 4, failure),
            new EventRaisedEvent(at, "go", "true", "m"),
            new EventSentEvent(at, 5, "other", "go", "1"),
            new ExecutionTerminatedEvent(at, "why"),
            new ExecutionSuspendedEvent(at, "pause"),
            new ExecutionResumedEvent(at, null),
            new OrchestratorCompletedEvent(at),
            new ExecutionCompletedEvent(at, OrchestrationRuntimeStatus.Failed, null, failure),
        ];

        var back = TaskMessageSerializer.DeserializeEvents(TaskMessageSerializer.SerializeEvents(events));

        Assert.Equal(events, back);
    }
}
