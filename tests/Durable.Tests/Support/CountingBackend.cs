namespace GuanGong.Durable.Tests;

/// <summary>
/// Wraps a backend and counts what a worker asks of it: receives per queue, sends per kind. With
/// <c>isolateWakeups</c>, the worker gets a wake-up signal of its own that nothing else triggers,
/// so messages sent through the inner backend behave like messages from another process.
/// </summary>
internal sealed class CountingBackend(IOrchestrationBackend inner, bool isolateWakeups = false) : IOrchestrationBackend
{
    private readonly DispatcherWakeup _ownWakeup = new();
    private int _controlReceives;
    private int _workItemReceives;
    private int _workItemSends;
    private int _controlSends;
    private int _checkpoints;

    public int ControlReceives => Volatile.Read(ref _controlReceives);

    public int WorkItemReceives => Volatile.Read(ref _workItemReceives);

    public int Receives => ControlReceives + WorkItemReceives;

    public int WorkItemSends => Volatile.Read(ref _workItemSends);

    public int ControlSends => Volatile.Read(ref _controlSends);

    public int Checkpoints => Volatile.Read(ref _checkpoints);

    public int PartitionCount => inner.PartitionCount;

    public TimeSpan MaxMessageDelay => inner.MaxMessageDelay;

    public DispatcherWakeup Wakeup => isolateWakeups ? _ownWakeup : inner.Wakeup;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

    public Task<InstanceSnapshot?> ReadInstanceAsync(string instanceId, bool includeHistory, CancellationToken cancellationToken = default) =>
        inner.ReadInstanceAsync(instanceId, includeHistory, cancellationToken);

    public Task<string> CreateInstanceAsync(InstanceRecord record, string? replaceETag, CancellationToken cancellationToken = default) =>
        inner.CreateInstanceAsync(record, replaceETag, cancellationToken);

    public Task<string> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _checkpoints);
        return inner.CheckpointAsync(request, cancellationToken);
    }

    public Task<string?> ClearOutboxAsync(string instanceId, string etag, CancellationToken cancellationToken = default) =>
        inner.ClearOutboxAsync(instanceId, etag, cancellationToken);

    public Task RecordErrorAsync(string instanceId, string error, CancellationToken cancellationToken = default) =>
        inner.RecordErrorAsync(instanceId, error, cancellationToken);

    public Task<InstancePage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default) =>
        inner.QueryInstancesAsync(query, cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.PurgeInstanceAsync(instanceId, cancellationToken);

    public Task SendAsync(TaskMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref message.IsWorkItem ? ref _workItemSends : ref _controlSends);
        return inner.SendAsync(message, visibilityDelay, cancellationToken);
    }

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveControlMessagesAsync(int partition, int maxCount, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _controlReceives);
        return inner.ReceiveControlMessagesAsync(partition, maxCount, visibilityTimeout, cancellationToken);
    }

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveWorkItemsAsync(int maxCount, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _workItemReceives);
        return inner.ReceiveWorkItemsAsync(maxCount, visibilityTimeout, cancellationToken);
    }

    public Task<ReceivedMessage?> RenewAsync(ReceivedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        inner.RenewAsync(message, visibilityTimeout, cancellationToken);

    public Task DeleteMessageAsync(ReceivedMessage message, CancellationToken cancellationToken = default) => inner.DeleteMessageAsync(message, cancellationToken);

    public Task<string> MoveToPoisonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default) =>
        inner.MoveToPoisonAsync(message, reason, cancellationToken);

    public Task<TaskMessage> DecodeMessageAsync(string messageText, CancellationToken cancellationToken = default) => inner.DecodeMessageAsync(messageText, cancellationToken);
}
