namespace GuanGong.Durable;

/// <summary>Options for a sub-orchestration call.</summary>
/// <param name="InstanceId">The child's instance id (default: derived deterministically from the parent's id and the call number).</param>
/// <param name="Version">The child's orchestrator version (default: the worker's current default).</param>
/// <param name="Retry">How to retry a failure.</param>
public sealed record SubOrchestrationOptions(string? InstanceId = null, string? Version = null, RetryPolicy? Retry = null) : TaskOptions(Retry);
