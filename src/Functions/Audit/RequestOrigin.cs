namespace GuanGong.Functions.Audit;

/// <summary>Where a person's action came from, for the audit trail.</summary>
public sealed record RequestOrigin(string? IpAddress, string? UserAgent)
{
    public static RequestOrigin From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var agent = context.Request.Headers.UserAgent.ToString();
        return new RequestOrigin(context.Connection.RemoteIpAddress?.ToString(), agent.Length > 300 ? agent[..300] : agent);
    }
}
