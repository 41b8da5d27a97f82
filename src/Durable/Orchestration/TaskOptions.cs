namespace GuanGong.Durable;

/// <summary>Options for one activity or sub-orchestration call.</summary>
/// <param name="Retry">How to retry a failure (null: fail on the first failure).</param>
public record TaskOptions(RetryPolicy? Retry = null)
{
    /// <summary>Options that retry per <paramref name="policy"/>.</summary>
    /// <param name="policy">The retry policy.</param>
    /// <returns>The options.</returns>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}
