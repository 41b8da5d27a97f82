using System.Text.RegularExpressions;
using GuanGong.Functions.Http;
using GuanGong.Reliability.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace GuanGong.Reliability.Tests.Hardening;

/// <summary>
/// Issue 17 points 4 and 9 in Azure: the deployed app settings (infra/modules/appsettings.bicep, the only place Azure
/// settings come from) name a host allow-list built from the app's own host names and the Functions host's loopback hop
/// as the one trusted proxy; the edge policy built from those values refuses a foreign Host and audits the forwarded
/// client address, never loopback.
/// </summary>
public sealed partial class AzureEdgeSettingsTests
{
    [Fact]
    public void BicepAppSettings_AllowListAndTrustedProxies_RefuseForeignHostsAndTrustOnlyTheHostHop()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "GuanGong.sln")))
        {
            root = root.Parent;
        }

        var settingsText = File.ReadAllText(Path.Combine(root!.FullName, "infra", "modules", "appsettings.bicep"));
        var mainText = File.ReadAllText(Path.Combine(root.FullName, "infra", "main.bicep"));
        var settings = Setting().Matches(settingsText).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.Ordinal);

        Assert.Equal("join(allowedHosts, ',')", settings["GuanGong__Http__AllowedHosts"]);
        Assert.Contains("allowedHosts: union([publicHostName], [functionApp.outputs.defaultHostName])", mainText, StringComparison.Ordinal);
        Assert.Equal("'127.0.0.1,::1'", settings["GuanGong__Http__TrustedProxies"]);
        Assert.Equal("'Azure'", settings["GuanGong__Profile"]);

        // The values a deployment with a custom domain writes.
        var policy = new EdgePolicy(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GuanGong:Profile"] = "Azure",
            ["GuanGong:PublicBaseUrl"] = "https://guangong.example.gov.cn",
            ["GuanGong:Http:AllowedHosts"] = "guangong.example.gov.cn,guangong-prod.azurewebsites.net",
            ["GuanGong:Http:TrustedProxies"] = settings["GuanGong__Http__TrustedProxies"].Trim('\''),
        }).Build());
        var own = Request("guangong.example.gov.cn", "127.0.0.1", "203.0.113.7");
        var defaultName = Request("guangong-prod.azurewebsites.net", "::1", "198.51.100.9");
        var rebinding = Request("attacker.example", "127.0.0.1", null);
        var spoofed = Request("guangong.example.gov.cn", "203.0.113.50", "10.0.0.1");

        Assert.True(policy.IsAllowedHost(own));
        Assert.True(policy.IsAllowedHost(defaultName));
        Assert.False(policy.IsAllowedHost(rebinding));
        Assert.Equal("203.0.113.7", policy.ClientAddress(own));
        Assert.Equal("198.51.100.9", policy.ClientAddress(defaultName));
        Assert.Equal("203.0.113.50", policy.ClientAddress(spoofed));

        ResultsTable.Add(
            "Hardening",
            "Azure app settings in the Bicep: host allow-list and trusted proxies; a foreign Host, a forwarded address from the host hop and from the internet",
            "AllowedHosts = custom domain + default host name; TrustedProxies = loopback; foreign Host refused; audit IP = forwarded client (spoofed header ignored)",
            "both set; refused; client IP",
            true);
    }

    private static DefaultHttpContext Request(string host, string remote, string? forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(remote);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        return context;
    }

    [GeneratedRegex(@"^\s*(GuanGong__\w+):\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex Setting();
}
