using System.Diagnostics;
using GuanGong.LocalStack;
using GuanGong.Reliability.Tests.Crashes;
using GuanGong.Reliability.Tests.Infrastructure;
using GuanGong.Testing;
using Xunit.Abstractions;

namespace GuanGong.Reliability.Tests.Poison;

/// <summary>
/// The poison rule with a worker that really dies: the host process ends (Environment.FailFast) every time
/// it takes up the work item of one case's orchestration after the case was accepted, and is started again
/// each time. The message comes back after each death (visibility timeout); at its fifth delivery the engine's
/// guard ends the instance Failed with the reason, visible in <c>GET /api/cases/{id}</c>, while another case
/// waits for its review untouched.
/// </summary>
public sealed class PoisonByProcessDeathTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WorkerDyingOnOneCasesWorkItem_QuarantinedAtFifthDelivery_InstanceFailsVisiblyOtherCaseGoesOn()
    {
        var poisoned = SampleCounty.CaseId("V1");
        var healthy = SampleCounty.CaseId("V2");
        var azurite = await SharedAzurite.GetAsync();
        await using var smtp = new SmtpSink();
        var environment = HostProcess.Settings(azurite, smtp, "p" + Guid.NewGuid().ToString("N")[..10], "p" + Guid.NewGuid().ToString("N")[..10]);
        environment["GG_WORKER_ID"] = "poison-worker";
        environment["GG_DIE_IN_ORCHESTRATION_OF"] = poisoned;
        await using var host = new HostProcess(environment, FreePorts.Take(1)[0]);
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var driver = new Driver(smtp);
        await Driver.SetUpCountyAsync(client, 2);

        // The other case first, until it waits for its reviewer: nothing of it is in flight when the host dies.
        var v2 = await driver.UnitTokenAsync("village2@example.cn", TimeSpan.FromSeconds(60));
        Assert.Equal(202, await Driver.SendUntilAnsweredAsync(client, () => Driver.Submit(v2, "poison-V2")));
        await driver.ReviewLinkAsync("town@example.cn", healthy, TimeSpan.FromSeconds(60));
        var v1 = await driver.UnitTokenAsync("village1@example.cn", TimeSpan.FromSeconds(60));
        Assert.Equal(202, await Driver.SendUntilAnsweredAsync(client, () => Driver.Submit(v1, "poison-V1")));

        // Restart the host each time it dies, until the poisoned case's instance has failed.
        var deaths = 0;
        var waited = Stopwatch.StartNew();
        System.Text.Json.JsonElement? failed = null;
        while (failed is null && waited.Elapsed < TimeSpan.FromMinutes(3))
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
                    // It died again while starting (the message came back before HTTP answered): the next turn counts it.
                }

                continue;
            }

            if (await Driver.TryCaseAsync(client, poisoned) is { } state && state.GetProperty("engineStatus").GetString() == "Failed")
            {
                failed = state;
                break;
            }

            await Task.Delay(200);
        }

        Assert.NotNull(failed);
        var lastError = failed.Value.GetProperty("engineLastError").GetString() ?? string.Empty;
        var other = await Driver.WaitForCaseAsync(client, healthy, s => s.GetProperty("status").GetString() == "UnderReview", TimeSpan.FromSeconds(30));
        output.WriteLine($"process deaths: {deaths}; {poisoned} engineStatus Failed after {waited.Elapsed.TotalSeconds:0} s, engineLastError: {lastError}");
        output.WriteLine($"other case {healthy}: {other.GetProperty("status").GetString()} / {other.GetProperty("engineStatus").GetString()}");
        var met = deaths is 4 or 5 && lastError.StartsWith("PoisonMessage", StringComparison.Ordinal) && other.GetProperty("engineStatus").GetString() == "Running";
        ResultsTable.Add(
            "Poison (process death)",
            "the host process dies (FailFast) on every delivery of one case's work item and is restarted",
            $"{deaths} deaths, then instance Failed: {Shorten(lastError)}; the other case {other.GetProperty("status").GetString()}",
            "failed at the 5th delivery with the reason in GET /api/cases/{id}; the other case untouched",
            met);

        Assert.InRange(deaths, 4, 5);
        Assert.StartsWith("PoisonMessage", lastError, StringComparison.Ordinal);
        Assert.Equal("Running", other.GetProperty("engineStatus").GetString());
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
