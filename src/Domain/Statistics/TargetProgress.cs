namespace GuanGong.Domain.Statistics;

/// <summary>Progress of a subtree against a campaign's cumulative target for a year.</summary>
/// <param name="Target">The target share of established units.</param>
/// <param name="Required">Units that must pass to meet it: ⌈established × target⌉.</param>
/// <param name="Passed">Units passed.</param>
/// <param name="Shortfall">Units still needed (0 when met).</param>
/// <param name="Met">True when the passed count meets the target (exact arithmetic).</param>
public sealed record TargetProgress(Percentage Target, int Required, int Passed, int Shortfall, bool Met);
