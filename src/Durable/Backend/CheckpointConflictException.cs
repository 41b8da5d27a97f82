namespace GuanGong.Durable;

/// <summary>Another worker advanced the instance since it was loaded; the episode is discarded and replays.</summary>
public sealed class CheckpointConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="innerException">The storage error, if any.</param>
    public CheckpointConflictException(string instanceId, Exception? innerException = null)
        : base($"Instance '{instanceId}' was changed by another worker since it was loaded.", innerException) => InstanceId = instanceId;

    /// <summary>The instance.</summary>
    public string InstanceId { get; }
}
