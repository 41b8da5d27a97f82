namespace GuanGong.Durable;

/// <summary>A durable call the orchestrator is awaiting, completed when history delivers its result.</summary>
internal abstract class OpenTask(string name, int taskId)
{
    public string Name { get; } = name;

    public int TaskId { get; } = taskId;

    public abstract void Complete(string? result, DataConverter converter);

    public abstract void Fail(TaskFailureDetails details);

    public abstract void Cancel(CancellationToken token);
}
