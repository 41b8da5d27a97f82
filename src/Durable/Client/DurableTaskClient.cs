using Azure;

namespace GuanGong.Durable;

/// <summary>
/// Starts, queries, signals and ends orchestration instances of one task hub. Safe to share;
/// every call goes straight to the backend, so a client in one process and a worker in another
/// see the same state.
/// </summary>
public sealed class DurableTaskClient
{
    private readonly IOrchestrationBackend _backend;
    private readonly DurableTaskClientOptions _options;

    /// <summary>Creates a client.</summary>
    /// <param name="backend">The task hub's storage.</param>
    /// <param name="options">Client options.</param>
    public DurableTaskClient(IOrchestrationBackend backend, DurableTaskClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
        _options = options ?? new DurableTaskClientOptions();
    }

    /// <summary>Creates an instance and queues its start.</summary>
    /// <param name="orchestratorName">The orchestrator name.</param>
    /// <param name="input">The input.</param>
    /// <param name="options">Instance id, delayed start, version and duplicate handling.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instance id.</returns>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        options ??= new StartOrchestrationOptions();
        var instanceId = options.InstanceId ?? Guid.NewGuid().ToString("N");
        InstanceIds.Validate(instanceId, nameof(options));
        var now = _options.TimeProvider.GetUtcNow();
        var executionId = Guid.NewGuid().ToString("N");
        var serializedInput = _options.DataConverter.Serialize(input);
        var record = new InstanceRecord(instanceId, orchestratorName, options.Version, executionId, OrchestrationRuntimeStatus.Pending, now, now, serializedInput, null, null, null, 1, null);
        var startAt = options.StartAt is { } at && at > now ? at : (DateTimeOffset?)null;
        var start = new TaskMessage(Guid.NewGuid().ToString("N"), instanceId, executionId, new ExecutionStartedEvent(now, orchestratorName, options.Version, serializedInput, executionId, null, startAt));
        var delay = startAt is { } due ? Min(due - now, _backend.MaxMessageDelay) : TimeSpan.Zero;

        // The common case is a new id: no existence read, just the start message and an insert of
        // the status row whose conflict says the id is taken. The start goes first: if this process
        // dies before the row is written, the worker creates the instance from the message, so
        // nothing is left Pending forever. When the id is taken, the message is a stray: the worker
        // discards a start whose execution is not the instance's.
        await _backend.SendAsync(start, delay, cancellationToken).ConfigureAwait(false);
        InstanceSnapshot? existing;
        try
        {
            await _backend.CreateInstanceAsync(record, null, cancellationToken).ConfigureAwait(false);
            return instanceId;
        }
        catch (CheckpointConflictException)
        {
            existing = await _backend.ReadInstanceAsync(instanceId, includeHistory: false, cancellationToken).ConfigureAwait(false);
        }

        if (existing is null || existing.Record.ExecutionId == executionId)
        {
            // Purged in between (the worker creates it from our message), or already started from it.
            return instanceId;
        }

        switch (options.ExistingInstance)
        {
            case DuplicateInstancePolicy.ReturnExisting:
                return instanceId;
            case DuplicateInstancePolicy.Refuse:
            case DuplicateInstancePolicy.ReplaceIfFinished when !existing.Record.IsTerminal:
                throw new OrchestrationAlreadyExistsException(instanceId, existing.Record.RuntimeStatus);
        }

        // A finished instance is replaced: its row first, then the start again, because the copy
        // sent above may already have been discarded against the old execution.
        try
        {
            await _backend.CreateInstanceAsync(record, existing.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (CheckpointConflictException ex)
        {
            var winner = await _backend.ReadInstanceAsync(instanceId, includeHistory: false, cancellationToken).ConfigureAwait(false);
            if (winner?.Record.ExecutionId == executionId)
            {
                return instanceId;
            }

            throw new OrchestrationAlreadyExistsException(instanceId, winner?.Record.RuntimeStatus ?? OrchestrationRuntimeStatus.Pending) { Data = { ["conflict"] = ex.Message } };
        }

        await _backend.SendAsync(start, delay, cancellationToken).ConfigureAwait(false);
        return instanceId;
    }

    /// <summary>Sends an external event to an instance (names match case-insensitively; buffered until awaited).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="eventPayload">The payload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task; throws <see cref="InvalidOperationException"/> when the instance does not exist.</returns>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        await RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var messageId = Guid.NewGuid().ToString("N");
        var raised = new EventRaisedEvent(_options.TimeProvider.GetUtcNow(), eventName, _options.DataConverter.Serialize(eventPayload), messageId);
        await _backend.SendAsync(new TaskMessage(messageId, instanceId, null, raised), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads an instance's status (written atomically with its history, so it never lags it).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="getInputsAndOutputs">Include input, output and custom status.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metadata, or null when the instance does not exist.</returns>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        var snapshot = await _backend.ReadInstanceAsync(instanceId, includeHistory: false, cancellationToken).ConfigureAwait(false);
        return snapshot is null ? null : new OrchestrationMetadata(snapshot.Record, getInputsAndOutputs, _options.DataConverter);
    }

    /// <summary>Lists instances page by page.</summary>
    /// <param name="filter">Statuses, created range, id prefix, page size, continuation.</param>
    /// <returns>The instances.</returns>
    public AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        new OrchestrationPageable(_backend, filter ?? new OrchestrationQuery(), _options.DataConverter);

    /// <summary>Waits until the instance completes, fails or is terminated.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="getInputsAndOutputs">Include input, output and custom status.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The final metadata.</returns>
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        var interval = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var metadata = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken).ConfigureAwait(false);
            if (metadata is { IsCompleted: true })
            {
                return metadata;
            }

            await Task.Delay(interval, _options.PollingTimeProvider, cancellationToken).ConfigureAwait(false);
            interval = Min(TimeSpan.FromTicks(interval.Ticks * 2), _options.MaxWaitPollingInterval);
        }
    }

    /// <summary>Ends an instance; its output becomes <paramref name="output"/>, and a parent sees its sub-orchestration fail.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="output">The reason recorded as output.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public async Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default)
    {
        await RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var terminated = new ExecutionTerminatedEvent(_options.TimeProvider.GetUtcNow(), _options.DataConverter.Serialize(output));
        await _backend.SendAsync(new TaskMessage(Guid.NewGuid().ToString("N"), instanceId, null, terminated), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pauses an instance: its status becomes Suspended and events that arrive are held until it resumes.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="reason">Why (recorded in history).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
    {
        await RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var suspended = new ExecutionSuspendedEvent(_options.TimeProvider.GetUtcNow(), reason);
        await _backend.SendAsync(new TaskMessage(Guid.NewGuid().ToString("N"), instanceId, null, suspended), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resumes a suspended instance; the events held meanwhile are delivered in order.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="reason">Why (recorded in history).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
    {
        await RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var resumed = new ExecutionResumedEvent(_options.TimeProvider.GetUtcNow(), reason);
        await _backend.SendAsync(new TaskMessage(Guid.NewGuid().ToString("N"), instanceId, null, resumed), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a finished instance's status and history (a running one is left alone).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many instances were purged (0 or 1).</returns>
    public async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var snapshot = await _backend.ReadInstanceAsync(instanceId, includeHistory: false, cancellationToken).ConfigureAwait(false);
        if (snapshot is not { Record.IsTerminal: true })
        {
            return new PurgeResult(0);
        }

        return new PurgeResult(await _backend.PurgeInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) ? 1 : 0);
    }

    /// <summary>Reads the current execution's history.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The history (empty when the instance does not exist).</returns>
    public async Task<IReadOnlyList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        // From storage, not a worker's cache in this process: another process may have moved on.
        using var fresh = FreshReads.Require();
        var snapshot = await _backend.ReadInstanceAsync(instanceId, includeHistory: true, cancellationToken).ConfigureAwait(false);
        return snapshot?.History ?? [];
    }

    private async Task RequireAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (await _backend.ReadInstanceAsync(instanceId, includeHistory: false, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException($"No orchestration instance with id '{instanceId}' exists.");
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
