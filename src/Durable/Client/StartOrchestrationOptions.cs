namespace GuanGong.Durable;

/// <summary>Options for starting an instance.</summary>
/// <param name="InstanceId">The instance id (default: a new GUID).</param>
/// <param name="StartAt">Do not start before this time (default: at once).</param>
/// <param name="Version">The orchestrator version (default: the worker's default version when it starts).</param>
/// <param name="ExistingInstance">What to do when an instance with this id already exists.</param>
public sealed record StartOrchestrationOptions(
    string? InstanceId = null,
    DateTimeOffset? StartAt = null,
    string? Version = null,
    DuplicateInstancePolicy ExistingInstance = DuplicateInstancePolicy.ReplaceIfFinished);
