using System.Diagnostics;
using System.Text.Json;
using GuanGong.Domain;
using GuanGong.LocalStack;
using GuanGong.Reliability.Tests.Crashes;
using GuanGong.Reliability.Tests.Infrastructure;
using GuanGong.Testing;
using Xunit.Abstractions;

namespace GuanGong.Reliability.Tests.Poison;

/// <summary>
/// The poison rule with a worker that really dies: the host process ends (Environment.FailFast)
/// every time an activity of one case has run, and is started again each time. The message that
/// carries that work comes back after each death; after its fifth delivery it is quarantined and the
/// case's instance fails with that reason in the status API, while another case goes on.
/// </summary>
public sealed class PoisonByProcessDeathTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WorkerDyingAfterOneCasesActivity_QuarantinedAfterFiveDeliveries_InstanceFailsVisibly()
    {
        var poisoned = SampleCounty.CaseId("V1");
        var azurite = await SharedAzurite.GetAsync();
        await using var smtp = new SmtpSink();
        var port = FreePorts.Take(1)[0];
        var hub = "p" + Guid.NewGuid().ToString("N")[..10];
        var environment = HostProcess.Settings(azurite, smtp, port, "p" + Guid.NewGuid().ToString("N")[..10], hub);
        environment["AzureFunctionsJobHost__extensions__durableTask__messageVisibilityTimeout"] = "00:00:01";
        environment["GG_DIE_AFTER_ACTIVITY_OF"] = poisoned;
        var workingDirectory = Directory.CreateTempSubdirectory("gg-poison").FullName;
        await using var host = new HostProcess(environment, workingDirectory, new Uri($"http://127.0.0.1:{port}"), HostProcess.FaultHost);
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        await CrashTests.SendUntilAnsweredAsync(client, () => CrashTests.Admin(HttpMethod.Post, "/api/admin/committees", SampleCounty.Csv(2), "text/csv"));
        await CrashTests.SendUntilAnsweredAsync(client, () => CrashTests.Admin(HttpMethod.Post, "/api/admin/campaigns", DomainJson.Serialize(SampleCounty.Campaign()), "application/json"));
        await CrashTests.SendUntilAnsweredAsync(client, () => CrashTests.Admin(HttpMethod.Post, $"/api/admin/campaigns/{SampleCounty.CampaignId}/launch", """{"year":2026}""", "application/json"));
        foreach (var unit in new[] { "V1", "V2" })
        {
            var token = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains($"village{unit[1..]}@example.cn") && m.Links.Any(l => l.Contains("/u/", StringComparison.Ordinal)), TimeSpan.FromSeconds(60))).LinkWith("/u/"));
            Assert.Equal(202, await CrashTests.SendUntilAnsweredAsync(client, () => CrashTests.Submit(token, "poison-" + unit)));
        }

        // Restart the host each time it dies, until the poisoned case's instance has failed.
        var deaths = 0;
        var waited = Stopwatch.StartNew();
        JsonElement failed = default;
        while (waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (host.HasExited)
            {
                deaths++;
                try
                {
                    await host.StartAsync();
                }
                catch (InvalidOperationException) when (host.HasExited)
                {
                    // It died again while starting (the message came back before the app was ready): the next turn counts it.
                }

                continue;
            }

            if (await TryCaseAsync(client, poisoned) is { } state && state.TryGetProperty("engineStatus", out var engine) && engine.GetString() == "Failed")
            {
                failed = state;
                break;
            }

            await Task.Delay(200);
        }

        Assert.NotEqual(JsonValueKind.Undefined, failed.ValueKind);
        var other = await WaitForAsync(client, SampleCounty.CaseId("V2"), s => s.GetProperty("status").GetString() == "UnderReview");
        var lastError = failed.GetProperty("engineLastError").GetString() ?? string.Empty;
        var poison = await PoisonQueues.ReadAsync(PoisonQueues.Connect(azurite.Endpoints.ConnectionString), hub, 4, output.WriteLine);
        var (quarantined, bystanders) = PoisonQueues.Count(poison, poisoned);
        output.WriteLine($"process deaths: {deaths}; quarantined messages of the case: {quarantined}, of other cases: {bystanders}; {poisoned} engineStatus Failed in {waited.Elapsed.TotalSeconds:0} s, engineLastError: {lastError}");
        output.WriteLine($"other case {SampleCounty.CaseId("V2")}: {other.GetProperty("status").GetString()}");
        ResultsTable.Add(
            "Poison (process death)",
            "the host process dies (FailFast) after every activity run of one case and is restarted",
            $"{deaths} deaths, {quarantined} message quarantined, instance Failed: {(lastError.Length <= 120 ? lastError : lastError[..120] + "…")}; the other case went on ({bystanders} of its messages quarantined beside it)",
            "quarantined after 5 deliveries; instance failed with the reason in GET /api/cases/{id}; the other case goes on",
            deaths == 5 && quarantined == 1 && lastError.Contains("Poison", StringComparison.Ordinal));

        Assert.Equal(5, deaths);
        Assert.Equal(1, quarantined);

        // Not asserted, printed: a message of the other case received in the same batch as the
        // culprit has its delivery counted at each death too (counts grow when a message is
        // received, not when it runs), so a copy of it can reach the limit beside the culprit; the
        // redelivery gate keeps it from running beside the culprit but cannot undo the count. The
        // other case still reaches review (asserted above by waiting for it).
        Assert.Contains("Poison message", lastError, StringComparison.Ordinal);
    }

    private static async Task<JsonElement?> TryCaseAsync(HttpClient client, string caseId)
    {
        try
        {
            using var request = CrashTests.Admin(HttpMethod.Get, $"/api/cases/{caseId}", string.Empty, "text/plain");
            using var response = await client.SendAsync(request);
            return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null; // the host is down or starting
        }
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string caseId, Func<JsonElement, bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await TryCaseAsync(client, caseId) is { } state && condition(state))
            {
                return state;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Case {caseId} did not reach the expected state.");
    }
}
