namespace GuanGong.Durable;

/// <summary>A filter for <see cref="DurableTaskClient.GetAllInstancesAsync"/>.</summary>
/// <param name="Statuses">Only these statuses (null or empty: any).</param>
/// <param name="CreatedFrom">Only instances created at or after this time.</param>
/// <param name="CreatedTo">Only instances created before this time.</param>
/// <param name="InstanceIdPrefix">Only instance ids starting with this (ordinal).</param>
/// <param name="PageSize">Instances per page.</param>
/// <param name="ContinuationToken">Where to resume.</param>
/// <param name="FetchInputsAndOutputs">Include inputs, outputs and custom status.</param>
public sealed record OrchestrationQuery(
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    string? InstanceIdPrefix = null,
    int PageSize = 100,
    string? ContinuationToken = null,
    bool FetchInputsAndOutputs = false)
{
    /// <summary>Whether <paramref name="record"/> passes the filter (backends that cannot filter server-side use this).</summary>
    /// <param name="record">The instance.</param>
    /// <returns>True when it matches.</returns>
    public bool Matches(InstanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (Statuses is null || Statuses.Count == 0 || Statuses.Contains(record.RuntimeStatus))
            && (CreatedFrom is null || record.CreatedAt >= CreatedFrom)
            && (CreatedTo is null || record.CreatedAt < CreatedTo)
            && (InstanceIdPrefix is null || record.InstanceId.StartsWith(InstanceIdPrefix, StringComparison.Ordinal));
    }
}
