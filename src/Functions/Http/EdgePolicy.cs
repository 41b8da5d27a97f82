using System.Net;

namespace GuanGong.Functions.Http;

/// <summary>
/// What every answer carries and every request is checked for at the edge, applied by
/// <see cref="HttpGate"/> (both hosts run every function through it): security headers, the Host
/// header against an allow-list (so a DNS-rebinding page cannot read the local mailbox), and the
/// client's address — the connection's, or the forwarded one when the connection comes from a
/// configured trusted proxy (<c>GuanGong:Http:TrustedProxies</c>, addresses or CIDR ranges).
/// </summary>
public sealed class EdgePolicy
{
    public const string Section = "GuanGong:Http";

    /// <summary>Where the gate leaves the resolved client address for <see cref="Audit.RequestOrigin"/>.</summary>
    public const string ClientAddressItem = "gg.client-address";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    private readonly bool _local;
    private readonly IReadOnlyList<IPNetwork> _trustedProxies;
    private readonly HashSet<string> _allowedHosts;

    public EdgePolicy(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _local = Hosting.AppComposition.IsLocalProfile(configuration);
        _trustedProxies = [.. List(configuration[$"{Section}:TrustedProxies"]).Select(ParseNetwork)];
        _allowedHosts = new HashSet<string>(List(configuration[$"{Section}:AllowedHosts"]), StringComparer.OrdinalIgnoreCase);
        if (_allowedHosts.Count > 0 || _local)
        {
            // The site's own names always pass: its public address and what the host announces.
            foreach (var own in new[] { configuration["GuanGong:PublicBaseUrl"], configuration["WEBSITE_HOSTNAME"] })
            {
                if (own is { Length: > 0 } && HostOf(own) is { } name)
                {
                    _allowedHosts.Add(name);
                }
            }
        }

        if (_local)
        {
            _allowedHosts.UnionWith(LoopbackHosts);
        }
    }

    /// <summary>Whether the Host header names this site. The local profile always checks; other profiles when hosts are configured.</summary>
    public bool IsAllowedHost(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_allowedHosts.Count == 0)
        {
            return true;
        }

        var host = context.Request.Host;
        return host.HasValue && _allowedHosts.Contains(host.Host.Contains(':', StringComparison.Ordinal) && !host.Host.StartsWith('[') ? $"[{host.Host}]" : host.Host);
    }

    /// <summary>The security headers every answer through the gate carries (a result may set its own, stricter, CSP).</summary>
    public void ApplyHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.XFrameOptions = "DENY";
        // Everything behind the gate is opened with a credential (a link token, a key, a session) or
        // is about one: nothing is for a shared cache or the back button's disk cache.
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        if (!_local)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }
    }

    /// <summary>The client's address: the connection's, or the last untrusted hop of X-Forwarded-For when the connection is a trusted proxy.</summary>
    public string? ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || _trustedProxies.Count == 0 || !IsTrusted(remote))
        {
            return remote?.ToString();
        }

        var hops = context.Request.Headers["X-Forwarded-For"].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(StripPort(hops[i]), out var hop))
            {
                return remote.ToString();
            }

            if (!IsTrusted(hop))
            {
                return hop.ToString();
            }
        }

        return remote.ToString();
    }

    private bool IsTrusted(IPAddress address)
    {
        var candidate = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _trustedProxies.Any(n => n.Contains(candidate));
    }

    private static string StripPort(string hop) =>
        hop.StartsWith('[') && hop.IndexOf(']', StringComparison.Ordinal) is > 0 and var end ? hop[1..end]
        : hop.Count(c => c == ':') == 1 ? hop[..hop.IndexOf(':', StringComparison.Ordinal)]
        : hop;

    private static IPNetwork ParseNetwork(string value) =>
        IPNetwork.TryParse(value, out var network) ? network
        : IPAddress.TryParse(value, out var address) ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
        : throw new InvalidOperationException($"{Section}:TrustedProxies has '{value}', which is neither an address nor a CIDR range.");

    private static IEnumerable<string> List(string? value) =>
        (value ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string? HostOf(string value)
    {
        var withScheme = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        return Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) ? (uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.Trim('[', ']')}]" : uri.IdnHost) : null;
    }

    /// <summary>Whether a URL or host[:port] names this machine only.</summary>
    internal static bool IsLoopback(string value) =>
        HostOf(value) is { } host && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
