namespace GuanGong.Functions.Audit;

/// <summary>Where a person's action came from, for the audit trail.</summary>
public sealed record RequestOrigin(string? IpAddress, string? UserAgent)
{
    /// <summary>An origin nobody recorded (a row written before origins were kept on it).</summary>
    public static RequestOrigin Unknown { get; } = new(null, null);

    public static RequestOrigin From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var agent = context.Request.Headers.UserAgent.ToString();
        // The gate resolved the address (the forwarded one when a trusted proxy connected); else the connection's.
        var address = context.Items[Http.EdgePolicy.ClientAddressItem] as string ?? context.Connection.RemoteIpAddress?.ToString();
        return new RequestOrigin(address, agent.Length > 300 ? agent[..300] : agent);
    }
}
