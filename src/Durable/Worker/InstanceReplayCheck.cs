namespace GuanGong.Durable;

/// <summary>The result of replaying one in-flight instance against the current registrations.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Name">The orchestrator name.</param>
/// <param name="Version">The version the instance is pinned to.</param>
/// <param name="Compatible">True when its history replays cleanly.</param>
/// <param name="Problem">Why it would fail, when it would.</param>
public sealed record InstanceReplayCheck(string InstanceId, string Name, string? Version, bool Compatible, string? Problem);
