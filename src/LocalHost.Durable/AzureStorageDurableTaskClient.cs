using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Core = DurableTask.Core;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;
using SdkQuery = Microsoft.DurableTask.Client.OrchestrationQuery;

namespace GuanGong.LocalHost.Durable;

/// <summary>
/// The Microsoft.DurableTask client over DTFx's Azure Storage orchestration service. Inputs, outputs and events are
/// serialised with the SDK's <see cref="JsonDataConverter"/>, as the worker shims read them.
/// </summary>
public sealed class AzureStorageDurableTaskClient : DurableTaskClient
{
    private static readonly Core.OrchestrationStatus[] RunningStatuses =
        [Core.OrchestrationStatus.Running, Core.OrchestrationStatus.Pending, Core.OrchestrationStatus.Suspended];

    private readonly DurableTaskEngine _engine;
    private readonly DataConverter _converter = JsonDataConverter.Default;

    /// <summary>Creates a client; DI passes the builder's name, <see cref="DurableTaskEngine.CreateClient"/> the default.</summary>
    public AzureStorageDurableTaskClient(string name, DurableTaskEngine engine)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    private AzureStorageOrchestrationService Service => _engine.ClientService;

    /// <inheritdoc />
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var instance = new OrchestrationInstance
        {
            InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var tags = options?.Tags?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? [];
        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, _converter.Serialize(input))
            {
                Name = orchestratorName.Name,
                Version = options?.Version?.ToString() ?? string.Empty,
                OrchestrationInstance = instance,
                ScheduledStartTime = options?.StartAt?.UtcDateTime,
                Tags = tags,
            },
        };

        // As the Durable extension does by default: an id whose instance is still running cannot be started again;
        // a finished one is replaced.
        var dedupe = options?.DedupeStatuses is { Count: > 0 } statuses
            ? [.. statuses.Select(s => Enum.Parse<Core.OrchestrationStatus>(s, ignoreCase: true))]
            : RunningStatuses;
        try
        {
            await Service.CreateTaskOrchestrationAsync(message, dedupe);
        }
        catch (OrchestrationAlreadyExistsException e)
        {
            throw new InvalidOperationException($"An orchestration with instance ID '{instance.InstanceId}' already exists and is running.", e);
        }

        return instance.InstanceId;
    }

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return SendAsync(instanceId, new EventRaisedEvent(-1, _converter.Serialize(eventPayload)) { Name = eventName }, cancellation);
    }

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    /// <inheritdoc />
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return _engine.SendingService.ForceTerminateTaskOrchestrationAsync(instanceId, _converter.Serialize(options?.Output));
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var states = await Service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: getInputsAndOutputs);
        return states is { Count: > 0 } && states[0] is { } state ? ToMetadata(state, getInputsAndOutputs) : null;
    }

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(SdkQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(ToCore).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? SdkQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await Service.GetOrchestrationWithQueryAsync(query, cancellation);
            return new Page<OrchestrationMetadata>(
                [.. result.OrchestrationState.Select(s => ToMetadata(s, query.FetchInputsAndOutputs))],
                string.IsNullOrEmpty(result.ContinuationToken) ? null : result.ContinuationToken);
        });

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"No orchestration instance '{instanceId}' exists.");
            if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
            {
                return metadata;
            }

            await Task.Delay(_engine.Options.ClientPollingInterval, cancellation);
        }
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"No orchestration instance '{instanceId}' exists.");
            if (metadata is { IsCompleted: true })
            {
                return metadata;
            }

            await Task.Delay(_engine.Options.ClientPollingInterval, cancellation);
        }
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs: false, cancellation);
        if (metadata is null)
        {
            return new PurgeResult(0);
        }

        if (!metadata.IsCompleted)
        {
            throw new InvalidOperationException($"Instance '{instanceId}' is {metadata.RuntimeStatus}; only finished instances can be purged.");
        }

        var result = await ((IOrchestrationServicePurgeClient)Service).PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellation.ThrowIfCancellationRequested();
        var result = await ((IOrchestrationServicePurgeClient)Service).PurgeInstanceStateAsync(new PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(ToCore)));
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task SendAsync(string instanceId, HistoryEvent @event, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return _engine.SendingService.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = @event,
        });
    }

    private OrchestrationMetadata ToMetadata(Core.OrchestrationState state, bool withData) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = withData ? _converter : null,
            RuntimeStatus = FromCore(state.OrchestrationStatus),
            CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
            LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
            SerializedInput = withData ? state.Input : null,
            SerializedOutput = withData ? state.Output : null,
            SerializedCustomStatus = state.Status,
            FailureDetails = FromCore(state.FailureDetails) ?? FailureFromOutput(state),
            Tags = state.Tags is null ? new Dictionary<string, string>() : new Dictionary<string, string>(state.Tags),
        };

    // The Instances table keeps a failure only as its output, "ErrorType: ErrorMessage" (FailureDetails.ToString()).
    private static TaskFailureDetails? FailureFromOutput(Core.OrchestrationState state)
    {
        if (state.OrchestrationStatus != Core.OrchestrationStatus.Failed || string.IsNullOrEmpty(state.Output))
        {
            return null;
        }

        var separator = state.Output.IndexOf(": ", StringComparison.Ordinal);
        return separator > 0 && !state.Output[..separator].Contains(' ', StringComparison.Ordinal)
            ? new TaskFailureDetails(state.Output[..separator], state.Output[(separator + 2)..], null, null, null)
            : new TaskFailureDetails("OrchestrationFailed", state.Output, null, null, null);
    }

    private static TaskFailureDetails? FromCore(FailureDetails? details) =>
        details is null ? null : new TaskFailureDetails(
            details.ErrorType, details.ErrorMessage, details.StackTrace, FromCore(details.InnerFailure), details.Properties);

    // The SDK's status enum mirrors DurableTask.Core's value for value (the SDK's own shims convert the same way).
    private static OrchestrationRuntimeStatus FromCore(Core.OrchestrationStatus status) => (OrchestrationRuntimeStatus)(int)status;

    private static Core.OrchestrationStatus ToCore(OrchestrationRuntimeStatus status) => (Core.OrchestrationStatus)(int)status;
}
