namespace GuanGong.Durable;

internal sealed class ActivityContext(string name, string instanceId, int taskId) : TaskActivityContext
{
    public override string Name { get; } = name;

    public override string InstanceId { get; } = instanceId;

    public override int TaskId { get; } = taskId;
}
