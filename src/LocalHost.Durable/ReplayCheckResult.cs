namespace GuanGong.LocalHost.Durable;

/// <summary>One in-flight instance and what its replay against the new build showed.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Name">The orchestrator's name.</param>
/// <param name="Status">Its runtime status (Running, Pending or Suspended).</param>
/// <param name="Verdict">The outcome.</param>
/// <param name="Detail">The engine's message when it is not <see cref="ReplayVerdict.Compatible"/>.</param>
public sealed record ReplayCheckResult(string InstanceId, string Name, string Status, ReplayVerdict Verdict, string? Detail);
