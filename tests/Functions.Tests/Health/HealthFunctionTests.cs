using System.Net;
using System.Text.Json;
using GuanGong.LocalStack;

namespace GuanGong.Functions.Tests.Health;

public sealed class HealthFunctionTests
{
    [Fact]
    public async Task GetHealth_AzuriteUp_Answers200WithAllThreeServicesReachable()
    {
        await using var app = await RunningApp.StartAsync();

        using var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            var health = body.RootElement.GetProperty("storage").GetProperty(service);
            Assert.True(health.GetProperty("reachable").GetBoolean(), service);
            Assert.True(health.GetProperty("authorized").GetBoolean(), service);
        }
    }

    [Fact]
    public async Task CheckDeployment_CaseWaitingOnAReviewer_ReplaysCompatibleOnThisBuild()
    {
        await using var smtp = new GuanGong.Testing.SmtpSink();
        var shared = new Dictionary<string, string?>
        {
            ["GuanGong:Storage:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "h" + Guid.NewGuid().ToString("N")[..10],
        };
        await using (var before = await Workflow.AcceptanceChainEndToEndTests.StartAsync(smtp, extra: shared))
        {
            await RunningAppApi.SetUpCountyAsync(before, villages: 1);
            var token = SampleCounty.TokenOf(SampleCounty.LinkWith(await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn")), "/u/"));
            (await RunningAppApi.SubmitAsync(before, token)).EnsureSuccessStatusCode();
            await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
            // The mail goes out inside the episode, before its checkpoint: wait for the checkpoint too.
            await RunningAppApi.WaitForCaseAsync(before, SampleCounty.CaseId("V1"), c => c.TryGetProperty("engineStatus", out var s) && s.GetString() == "Running");
        }

        // The next build, before it takes traffic: its worker off, the waiting case replayed against its orchestrators.
        var options = new AppOptions { RunDurableWorker = false };
        foreach (var (key, value) in shared)
        {
            options.Settings[key] = value;
        }

        await using var next = await RunningApp.StartAsync(options);
        var report = await next.Host.CheckDeploymentAsync();

        Assert.Contains(report.Instances, i => i.InstanceId == "case-" + SampleCounty.CaseId("V1"));
        Assert.True(report.IsSafe, string.Join("; ", report.Breaking.Select(b => $"{b.InstanceId}: {b.Verdict} {b.Detail}")));
    }

    [Fact]
    public async Task GetHealth_StorageUnreachable_Answers503NamingTheServices()
    {
        var closed = FreePorts.Take(3);
        var nowhere = AzuriteEndpoints.For("127.0.0.1", closed[0], closed[1], closed[2]).ConnectionString;
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = nowhere });

        using var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, text);
        using var body = JsonDocument.Parse(text);
        Assert.True(body.RootElement.TryGetProperty("storage", out _), text);
        Assert.False(body.RootElement.GetProperty("storage").GetProperty("table").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task GetHealth_WrongAccountKey_ReportsReachableButNotAuthorized()
    {
        var azurite = await GuanGong.Testing.SharedAzurite.GetAsync();
        var wrongKey = azurite.Endpoints.ConnectionString.Replace(AzuriteEndpoints.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = wrongKey });

        using var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var blob = body.RootElement.GetProperty("storage").GetProperty("blob");
        Assert.True(blob.GetProperty("reachable").GetBoolean());
        Assert.False(blob.GetProperty("authorized").GetBoolean());
    }
}
