using System.Threading.RateLimiting;

namespace GuanGong.Functions.Http;

/// <summary>
/// Failed admin-key attempts, limited per client with ASP.NET Core's rate limiter: each wrong key
/// (an <c>X-Admin-Key</c> header or the dashboard sign-in form) takes a permit from the client's
/// fixed window (<c>GuanGong:Http:AdminKeyFailuresPerMinute</c>, default 10); while the window is
/// spent, the client's admin-key requests answer 429 without the key being compared at all. Right
/// keys cost nothing.
/// </summary>
public sealed class AdminKeyThrottle : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _failures;

    public AdminKeyThrottle(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var limit = int.TryParse(configuration[$"{EdgePolicy.Section}:AdminKeyFailuresPerMinute"], out var configured) && configured > 0 ? configured : 10;
        _failures = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
            client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>Whether <paramref name="client"/> has spent its failures for this window.</summary>
    public bool IsBlocked(string client) => _failures.GetStatistics(client) is { CurrentAvailablePermits: <= 0 };

    /// <summary>Counts a wrong key against <paramref name="client"/>.</summary>
    public void RecordFailure(string client)
    {
        using var lease = _failures.AttemptAcquire(client);
    }

    /// <summary>The answer while a client is blocked: 429 with Retry-After, as problem details (a page for a page).</summary>
    public static IResult TooMany(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return RequestGuards.Answer(context, StatusCodes.Status429TooManyRequests, "too-many-attempts", "密钥错误次数过多，请一分钟后再试。", "Too many wrong admin keys from this client; retry after the indicated delay.");
    }

    public void Dispose() => _failures.Dispose();
}
