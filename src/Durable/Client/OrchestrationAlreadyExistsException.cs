namespace GuanGong.Durable;

/// <summary>An instance with the requested id already exists and the duplicate policy refuses to replace it.</summary>
public sealed class OrchestrationAlreadyExistsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="status">The existing instance's status.</param>
    public OrchestrationAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus status)
        : base($"An orchestration instance with id '{instanceId}' already exists and is {status}.")
    {
        InstanceId = instanceId;
        Status = status;
    }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The existing instance's status.</summary>
    public OrchestrationRuntimeStatus Status { get; }
}
