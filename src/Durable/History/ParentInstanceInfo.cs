namespace GuanGong.Durable;

/// <summary>Identifies the orchestration that started a sub-orchestration, so the child can report back.</summary>
/// <param name="InstanceId">The parent's instance id.</param>
/// <param name="ExecutionId">The parent's execution id.</param>
/// <param name="TaskId">The parent's call number for the sub-orchestration.</param>
public sealed record ParentInstanceInfo(string InstanceId, string ExecutionId, int TaskId);
