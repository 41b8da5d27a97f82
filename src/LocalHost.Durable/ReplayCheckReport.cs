namespace GuanGong.LocalHost.Durable;

/// <summary>The deployment check: every in-flight instance replayed against the new build.</summary>
/// <param name="Instances">One result per in-flight instance.</param>
public sealed record ReplayCheckReport(IReadOnlyList<ReplayCheckResult> Instances)
{
    /// <summary>The instances the new build would break.</summary>
    public IReadOnlyList<ReplayCheckResult> Breaking => [.. Instances.Where(i => i.Verdict != ReplayVerdict.Compatible)];

    /// <summary>True when no in-flight instance would break.</summary>
    public bool IsSafe => Breaking.Count == 0;
}
