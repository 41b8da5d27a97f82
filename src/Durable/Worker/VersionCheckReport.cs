namespace GuanGong.Durable;

/// <summary>Which in-flight instances would fail to replay on this build.</summary>
/// <param name="Instances">Every in-flight instance that was checked.</param>
public sealed record VersionCheckReport(IReadOnlyList<InstanceReplayCheck> Instances)
{
    /// <summary>The instances that would fail.</summary>
    public IReadOnlyList<InstanceReplayCheck> Incompatible => [.. Instances.Where(i => !i.Compatible)];

    /// <summary>True when every in-flight instance replays cleanly.</summary>
    public bool AllCompatible => Instances.All(i => i.Compatible);
}
