namespace GuanGong.Durable;

/// <summary>One page of an instance query.</summary>
/// <param name="Instances">The instances on this page.</param>
/// <param name="ContinuationToken">The token for the next page, or null when this is the last.</param>
public sealed record InstancePage(IReadOnlyList<InstanceRecord> Instances, string? ContinuationToken);
