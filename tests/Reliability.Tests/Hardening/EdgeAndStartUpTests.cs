using System.Collections.Concurrent;
using System.Net;
using GuanGong.Functions.Hosting;
using GuanGong.Functions.Http;
using GuanGong.Reliability.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace GuanGong.Reliability.Tests.Hardening;

/// <summary>
/// The admin key under a guessing attack, the settings the app refuses to start with, and the edge
/// rules (forwarded addresses, HSTS, redaction) on their own.
/// </summary>
public sealed class EdgeAndStartUpTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WrongAdminKeys_300In10Seconds_MostlyAnswered429WithProblemDetails()
    {
        await using var app = await RunningApp.StartAsync();
        var statuses = new ConcurrentBag<(int Status, string? Type)>();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/admin/holidays", UriKind.Relative)) { Content = new StringContent("{}") };
            request.Headers.Add("X-Admin-Key", $"guess-{i}");
            using var response = await app.Client.SendAsync(request, ct);
            statuses.Add(((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        });
        var elapsed = stopwatch.Elapsed;
        using var form = await app.Client.PostAsync(new Uri("/d/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = "guess", ["next"] = "/d" }));

        var limited = statuses.Count(s => s.Status == 429);
        output.WriteLine($"300 wrong keys in {elapsed.TotalSeconds:0.0} s: " + string.Join(" ", statuses.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        ResultsTable.Add("Hardening", $"300 wrong admin keys from one client in {elapsed.TotalSeconds:0.0} s", $"{limited} × 429, {statuses.Count(s => s.Status == 401)} × 401", "mostly 429", limited >= 280);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        Assert.True(limited >= 280, $"{limited} × 429");
        Assert.All(statuses.Where(s => s.Status == 429), s => Assert.Equal("application/problem+json", s.Type));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Equal(0, statuses.Count(s => s.Status >= 500));
    }

    [Theory]
    [InlineData("WEBSITE_INSTANCE_ID", "0123456789abcdef", "Azure")]
    [InlineData("WEBSITE_SITE_NAME", "guangong-prod", "Azure")]
    [InlineData("GuanGong:PublicBaseUrl", "https://guangong.example.cn", "PublicBaseUrl")]
    [InlineData("GuanGong:Links:SigningKeys:Current", "short:AAECAwQFBgcICQoLDA0ODw==", "256 bits")]
    public async Task RefusedSetting_AppDoesNotStart(string setting, string value, string named)
    {
        var options = new AppOptions();
        options.Settings[setting] = value;

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => RunningApp.StartAsync(options));

        Assert.Contains(named, refused.ToString(), StringComparison.Ordinal);
        ResultsTable.Add("Hardening", $"start with {setting}={(setting.Contains("Keys", StringComparison.Ordinal) ? "(128-bit key)" : value)}", "refused at start-up", "refused", true);
    }

    [Fact]
    public void ClientAddress_ForwardedHeader_TrustedOnlyFromConfiguredProxies()
    {
        var untrusted = new EdgePolicy(Configuration(new() { ["GuanGong:Profile"] = "Azure" }));
        var trusted = new EdgePolicy(Configuration(new() { ["GuanGong:Profile"] = "Azure", ["GuanGong:Http:TrustedProxies"] = "10.0.0.0/8, 127.0.0.1" }));

        Assert.Equal("10.1.2.3", untrusted.ClientAddress(Request("10.1.2.3", "203.0.113.9")));
        Assert.Equal("203.0.113.9", trusted.ClientAddress(Request("10.1.2.3", "203.0.113.9")));
        // Only the hops the proxies added count: a client cannot claim an address by sending the header itself.
        Assert.Equal("198.51.100.7", trusted.ClientAddress(Request("10.1.2.3", "203.0.113.9, 198.51.100.7")));
        Assert.Equal("198.51.100.7", trusted.ClientAddress(Request("10.1.2.3", "203.0.113.9, 198.51.100.7, 10.9.9.9")));
        Assert.Equal("192.0.2.1", trusted.ClientAddress(Request("192.0.2.1", "203.0.113.9")));
        Assert.Equal("10.1.2.3", trusted.ClientAddress(Request("10.1.2.3", "not-an-address")));
        ResultsTable.Add("Hardening", "X-Forwarded-For from a trusted proxy, an untrusted connection, a client-forged hop", "forwarded client address only via configured proxies; forged hops ignored", "audited IP is the client's", true);
    }

    [Fact]
    public void Headers_OutsideLocalProfile_IncludeHsts()
    {
        var context = new DefaultHttpContext();
        new EdgePolicy(Configuration(new() { ["GuanGong:Profile"] = "Azure" })).ApplyHeaders(context);
        var local = new DefaultHttpContext();
        new EdgePolicy(Configuration(new() { ["GuanGong:Profile"] = "Local" })).ApplyHeaders(local);

        Assert.StartsWith("max-age=", context.Response.Headers.StrictTransportSecurity.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, local.Response.Headers.StrictTransportSecurity.Count);
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        ResultsTable.Add("Hardening", "Strict-Transport-Security by profile", "Azure: max-age=31536000; includeSubDomains; Local (plain http on loopback): none", "HSTS in Azure", true);
    }

    [Theory]
    [InlineData("GET /R/v2.k1.payload.sig/pending", "GET /R/{token}/pending")]
    [InlineData("/U/v2.k1.payload.sig", "/U/{token}")]
    [InlineData("/api/cases/x?T=v2.k.p.s&x=1", "/api/cases/x?T={token}&x=1")]
    [InlineData("/d/login?next=%2Fd%2Fwx2026%3Ft%3Dv2.k.p.s", "/d/login?next={token}")]
    [InlineData("POST /d/login NEXT=/d/x?t=v2.k.p.s", "POST /d/login NEXT={token}")]
    public void Redaction_CoversCaseVariantsAndSignInNext(string raw, string redacted) =>
        Assert.Equal(redacted, LinkRedaction.Redact(raw));

    [Fact]
    public void Redaction_CoversExceptionTexts()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("Invalid control character in header: /r/v2.k1.secretpayload.sig?t=v2.k.secret.s");
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        var redacted = RedactedException.From(thrown)!;

        Assert.DoesNotContain("secret", redacted.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", redacted.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", redacted.ToString(), StringComparison.Ordinal);
        ResultsTable.Add("Hardening", "log redaction of /R/, /U/, ?T=, next= and exception texts", "every token replaced by {token}", "no token in any log text", true);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static HttpContext Request(string remote, string forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return context;
    }
}
