namespace GuanGong.Durable;

/// <summary>
/// Where a task hub keeps its state and moves its messages: an instance store (status plus
/// history, written atomically per checkpoint under an ETag) and a transport (control queues
/// partitioned by instance, a shared work-item queue, a poison queue). The engine owns the
/// checkpoint protocol; a backend only has to make each operation here atomic and durable.
/// </summary>
public interface IOrchestrationBackend
{
    /// <summary>How many control-queue partitions instances are spread over.</summary>
    int PartitionCount { get; }

    /// <summary>The longest visibility delay one queue message may carry; longer timers are re-enqueued in slices of this.</summary>
    TimeSpan MaxMessageDelay { get; }

    /// <summary>Signalled whenever this process sends a message that is visible at once.</summary>
    DispatcherWakeup Wakeup { get; }

    /// <summary>Creates tables, queues and containers that do not exist yet.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads an instance's status, and its current history when asked.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="includeHistory">Also read the history and outbox.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshot, or null when the instance does not exist.</returns>
    Task<InstanceSnapshot?> ReadInstanceAsync(string instanceId, bool includeHistory, CancellationToken cancellationToken = default);

    /// <summary>Creates an instance (status Pending, empty history), or replaces one whose ETag is <paramref name="replaceETag"/>.</summary>
    /// <param name="record">The new status.</param>
    /// <param name="replaceETag">The existing instance's ETag to replace, or null to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new ETag; throws <see cref="CheckpointConflictException"/> when it exists (or changed).</returns>
    Task<string> CreateInstanceAsync(InstanceRecord record, string? replaceETag, CancellationToken cancellationToken = default);

    /// <summary>Appends history, replaces the status and records the outbox, all or nothing, if the ETag still matches.</summary>
    /// <param name="request">The checkpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new ETag; throws <see cref="CheckpointConflictException"/> on a concurrent change.</returns>
    Task<string> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken = default);

    /// <summary>Marks the outbox sent, if the ETag still matches.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="etag">The ETag from the checkpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new ETag, or null when the instance changed meanwhile.</returns>
    Task<string?> ClearOutboxAsync(string instanceId, string etag, CancellationToken cancellationToken = default);

    /// <summary>Records an engine-level problem on the instance's status (best effort).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="error">What went wrong.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task RecordErrorAsync(string instanceId, string error, CancellationToken cancellationToken = default);

    /// <summary>Lists instances matching <paramref name="query"/>, one page at a time.</summary>
    /// <param name="query">The filter and page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<InstancePage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes an instance's status and history.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when something was deleted.</returns>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Sends a message to its queue (work items to the shared queue, others to the instance's partition).</summary>
    /// <param name="message">The message.</param>
    /// <param name="visibilityDelay">How long it stays invisible (at most <see cref="MaxMessageDelay"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task SendAsync(TaskMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default);

    /// <summary>Receives visible messages from control partition <paramref name="partition"/>, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    /// <param name="partition">The partition (0-based).</param>
    /// <param name="maxCount">At most this many (1 to 32).</param>
    /// <param name="visibilityTimeout">How long a received message stays hidden unless deleted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages.</returns>
    Task<IReadOnlyList<ReceivedMessage>> ReceiveControlMessagesAsync(int partition, int maxCount, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Receives visible activity work items.</summary>
    /// <param name="maxCount">At most this many (1 to 32).</param>
    /// <param name="visibilityTimeout">How long a received message stays hidden unless deleted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages.</returns>
    Task<IReadOnlyList<ReceivedMessage>> ReceiveWorkItemsAsync(int maxCount, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Keeps a received message hidden for another <paramref name="visibilityTimeout"/> while it is still being worked on.</summary>
    /// <param name="message">The message.</param>
    /// <param name="visibilityTimeout">The new visibility timeout, from now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message with its new receipt (use it for the delete), or null when it was lost to another receiver.</returns>
    Task<ReceivedMessage?> RenewAsync(ReceivedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Deletes a received message (a message already re-delivered elsewhere is left alone).</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task DeleteMessageAsync(ReceivedMessage message, CancellationToken cancellationToken = default);

    /// <summary>Copies a message to the poison queue of the queue it is routed to and deletes the original (unless the caller deletes it).</summary>
    /// <param name="message">The message.</param>
    /// <param name="reason">Why it is poison.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The poison queue's name.</returns>
    Task<string> MoveToPoisonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default);

    /// <summary>Decodes a queue message's text as delivered by a queue trigger (fetching a large payload if needed).</summary>
    /// <param name="messageText">The message text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message.</returns>
    Task<TaskMessage> DecodeMessageAsync(string messageText, CancellationToken cancellationToken = default);
}
