using GuanGong.Functions.Tests.Workflow;
using System.Net;
using GuanGong.LocalStack;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Reliability;

/// <summary>
/// Azurite stopped under a running app and started again on the same workspace: while it is down
/// the API answers 503 with Retry-After (never 500, never a false 202); afterwards what was accepted
/// before the outage completes, without restarting the app. An outage that strikes mid-checkpoint
/// leaves an unsent outbox, which the engine recovers when the checkpoint's own message is
/// redelivered — after the control queue's visibility timeout (5 minutes by default, 10 s here) — so
/// that a live worker's messages are never sent twice: that timeout bounds the recovery time. An
/// activity that finishes during the outage is handed back to its queue as soon as storage returns
/// (the work-item queue keeps its default 5 minutes here, so the test fails if that hand-back is lost).
/// </summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task StorageDown_ApiAnswers503WithRetryAfter_AcceptedWorkCompletesAfterwards()
    {
        var ports = FreePorts.Take(3);
        var options = new AzuriteOptions { BlobPort = ports[0], QueuePort = ports[1], TablePort = ports[2], Location = Directory.CreateTempSubdirectory("gg-outage").FullName };
        var azurite = await AzuriteProcess.StartAsync(options);
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp, extra: new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:controlQueueVisibilityTimeout"] = "00:00:10",
        });
        await app.SetUpCountyAsync(villages: 2);
        var v1 = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn"))).LinkWith("/u/"));
        var v2 = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains("village2@example.cn"))).LinkWith("/u/"));
        (await app.SubmitAsync(v1)).EnsureSuccessStatusCode();
        var townshipTask = await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.Contains("第1村", StringComparison.Ordinal));

        await azurite.DisposeAsync();
        var during = new List<HttpResponseMessage>
        {
            await app.SubmitAsync(v2),
            await app.Client.GetAsync(new Uri($"/api/cases/{SampleCounty.CaseId("V1")}", UriKind.Relative)),
            await app.DecideAsync(townshipTask.LinkWith("/r/"), "Approve", "停电期间"),
        };
        foreach (var response in during)
        {
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.NotNull(response.Headers.RetryAfter);
        }

        await using var restarted = await AzuriteProcess.StartAsync(options);

        // What was accepted before the outage carries on; what was refused can now be sent again.
        (await app.DecideAsync(townshipTask.LinkWith("/r/"), "Approve", "恢复后办理")).EnsureSuccessStatusCode();
        try
        {
            await smtp.WaitForAsync(m => m.To.Contains("county@example.cn") && m.Subject.Contains("第1村", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException ex)
        {
            var state = await app.CaseAsync(SampleCounty.CaseId("V1"));
            throw new TimeoutException($"{ex.Message}\nstatus {state.GetProperty("status")} stage {state.GetProperty("stage")} engine {state.GetProperty("engineStatus")} {state.GetProperty("engineLastError")}", ex);
        }
        using var resent = await app.SubmitAsync(v2);
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.Contains("第2村", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        foreach (var response in during)
        {
            response.Dispose();
        }
    }
}
