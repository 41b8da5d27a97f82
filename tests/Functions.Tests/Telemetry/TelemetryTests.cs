using System.Diagnostics;
using GuanGong.Functions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace GuanGong.Functions.Tests.Telemetry;

public sealed class TelemetryTests
{
    [Theory]
    [InlineData("GET /r/v1.k1.eyJjIjoi.abc", "GET /r/{token}")]
    [InlineData("/u/v1.k1.payload.sig/receipt", "/u/{token}/receipt")]
    [InlineData("/api/cases/2026-V1-ABCD?t=v1.k.p.s&x=1", "/api/cases/2026-V1-ABCD?t={token}&x=1")]
    [InlineData("/api/ledgers/content?d=v1.k.p.s", "/api/ledgers/content?d={token}")]
    [InlineData("/api/health", "/api/health")]
    public void Redact_LinkTokensInPathsAndQueries_AreReplaced(string value, string expected)
    {
        Assert.Equal(expected, LinkRedaction.Redact(value));
    }

    [Fact]
    public void OnEnd_SpanWithTokenInUrlTags_ExportsNoToken()
    {
        using var activity = new Activity("GET /r/v1.secret.token.sig").Start();
        activity.SetTag("url.path", "/r/v1.secret.token.sig");
        activity.SetTag("url.query", "?t=v1.secret.token.sig");

        new LinkRedactingProcessor().OnEnd(activity);

        Assert.DoesNotContain("secret", activity.DisplayName, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", (string)activity.GetTagItem("url.path")!, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", (string)activity.GetTagItem("url.query")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppHost_OtlpEndpointConfigured_RegistersTracingAndMetrics()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" });

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    [Fact]
    public async Task AppHost_NoOtlpEndpoint_ExportsNothing()
    {
        await using var app = await RunningApp.StartAsync();

        Assert.Null(app.Services.GetService<TracerProvider>());
    }
}
