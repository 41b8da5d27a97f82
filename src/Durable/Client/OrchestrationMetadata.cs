namespace GuanGong.Durable;

/// <summary>What a client sees of an instance.</summary>
public sealed class OrchestrationMetadata
{
    private readonly DataConverter _converter;

    /// <summary>Creates metadata from a stored status.</summary>
    /// <param name="record">The status.</param>
    /// <param name="includeInputsAndOutputs">Whether to expose input, output and custom status.</param>
    /// <param name="converter">Reads the serialized values.</param>
    public OrchestrationMetadata(InstanceRecord record, bool includeInputsAndOutputs, DataConverter converter)
    {
        ArgumentNullException.ThrowIfNull(record);
        _converter = converter ?? JsonDataConverter.Default;
        InstanceId = record.InstanceId;
        Name = record.Name;
        Version = record.Version;
        ExecutionId = record.ExecutionId;
        RuntimeStatus = record.RuntimeStatus;
        CreatedAt = record.CreatedAt;
        LastUpdatedAt = record.LastUpdatedAt;
        FailureDetails = record.FailureDetails;
        PendingMessageCount = record.PendingMessageCount;
        LastError = record.LastError;
        if (includeInputsAndOutputs)
        {
            SerializedInput = record.Input;
            SerializedOutput = record.Output;
            SerializedCustomStatus = record.CustomStatus;
        }
    }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The orchestrator name.</summary>
    public string Name { get; }

    /// <summary>The orchestrator version the instance is pinned to.</summary>
    public string? Version { get; }

    /// <summary>The current execution id.</summary>
    public string ExecutionId { get; }

    /// <summary>The lifecycle state.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; }

    /// <summary>The serialized input (when requested).</summary>
    public string? SerializedInput { get; }

    /// <summary>The serialized output, or terminate reason (when requested).</summary>
    public string? SerializedOutput { get; }

    /// <summary>The serialized custom status (when requested).</summary>
    public string? SerializedCustomStatus { get; }

    /// <summary>Why it failed.</summary>
    public TaskFailureDetails? FailureDetails { get; }

    /// <summary>How many messages the instance is waiting for (its start, activity results, timers, sub-orchestrations).</summary>
    public int PendingMessageCount { get; }

    /// <summary>The last engine-level problem seen while processing it (cleared by the next successful episode).</summary>
    public string? LastError { get; }

    /// <summary>True while pending, running or suspended.</summary>
    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    /// <summary>True once completed, failed or terminated.</summary>
    public bool IsCompleted => !IsRunning;

    /// <summary>Reads the input.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <returns>The input.</returns>
    public T? ReadInputAs<T>() => _converter.Deserialize<T>(SerializedInput);

    /// <summary>Reads the output.</summary>
    /// <typeparam name="T">The output type.</typeparam>
    /// <returns>The output.</returns>
    public T? ReadOutputAs<T>() => _converter.Deserialize<T>(SerializedOutput);

    /// <summary>Reads the custom status.</summary>
    /// <typeparam name="T">The status type.</typeparam>
    /// <returns>The custom status.</returns>
    public T? ReadCustomStatusAs<T>() => _converter.Deserialize<T>(SerializedCustomStatus);
}
