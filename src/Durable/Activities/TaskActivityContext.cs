namespace GuanGong.Durable;

/// <summary>What an activity knows about the call it serves.</summary>
public abstract class TaskActivityContext
{
    /// <summary>The activity name.</summary>
    public abstract string Name { get; }

    /// <summary>The instance id of the orchestration that called it.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The caller's call number (unique within the orchestration execution).</summary>
    public abstract int TaskId { get; }
}
