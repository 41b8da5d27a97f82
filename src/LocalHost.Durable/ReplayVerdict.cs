namespace GuanGong.LocalHost.Durable;

/// <summary>What replaying an in-flight instance against the new build showed.</summary>
public enum ReplayVerdict
{
    /// <summary>The history replays; the instance can continue on the new build.</summary>
    Compatible,

    /// <summary>The new code schedules different work than the history records ("Non-deterministic workflow detected").</summary>
    NonDeterministic,

    /// <summary>The orchestrator threw during replay.</summary>
    Failed,

    /// <summary>The new build has no orchestrator of this name.</summary>
    Missing,
}
