namespace GuanGong.Durable;

/// <summary>
/// How a failed activity or sub-orchestration is retried. Waits between attempts are durable
/// timers, so a retry schedule survives restarts and costs nothing while waiting.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Creates a retry policy.</summary>
    /// <param name="maxNumberOfAttempts">Total attempts including the first (at least 1).</param>
    /// <param name="firstRetryInterval">The wait before the second attempt (positive).</param>
    /// <param name="backoffCoefficient">Each wait is the previous one times this (at least 1).</param>
    /// <param name="maxRetryInterval">The longest single wait (default: no cap).</param>
    /// <param name="retryTimeout">Stop retrying once this much time has passed since the first attempt (default: no limit).</param>
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0, TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.MaxValue;
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
    }

    /// <summary>Total attempts including the first.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>The wait before the second attempt.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>The growth factor of the wait.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>The longest single wait.</summary>
    public TimeSpan MaxRetryInterval { get; }

    /// <summary>The overall retry budget, or <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>Decides per failure whether to retry (default: always).</summary>
    public Func<TaskFailureDetails, bool>? HandleFailure { get; init; }

    /// <summary>The wait after attempt number <paramref name="attempt"/> (1-based) failed.</summary>
    /// <param name="attempt">The attempt that failed.</param>
    /// <returns>The delay before the next attempt.</returns>
    public TimeSpan GetDelay(int attempt)
    {
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, attempt - 1);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}
