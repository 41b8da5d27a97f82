using GuanGong.Durable;
using GuanGong.Functions.Records;
using GuanGong.Reliability.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GuanGong.Reliability.Tests.Poison;

/// <summary>
/// A worker that dies every time it finishes one case's activity (the engine's fault injector throws
/// before the result is sent, as a crash would): the work item comes back on every delivery, is
/// quarantined in the poison queue after the fifth, and the case's instance fails with that reason,
/// visible in the status API. Other cases go on.
/// </summary>
public sealed class PoisonTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ActivityCrashingItsWorkerEveryTime_QuarantinedAfterFiveDequeues_InstanceFailsVisiblyInStatusApi()
    {
        var poisoned = SampleCounty.CaseId("V1");
        var crashes = 0;
        await using var app = await ReliabilityApp.StartAsync(
            settings: new Dictionary<string, string?>
            {
                // Redelivery comes after the visibility timeout; short, so five deliveries take seconds.
                ["AzureFunctionsJobHost:extensions:durableTask:messageVisibilityTimeout"] = "00:00:01",
            },
            configureServices: services => services.AddSingleton(sp =>
            {
                var worker = sp.GetRequiredService<DurableTaskOptions>().ApplyTo(new DurableTaskWorkerOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() });
                worker.FaultInjector = (step, instanceId) =>
                {
                    if (step == CheckpointStep.BeforeActivityResultSend && instanceId.Contains(poisoned, StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref crashes);
                        throw new InvalidOperationException("simulated worker crash after the activity ran");
                    }

                    return ValueTask.CompletedTask;
                };
                return worker;
            }));
        await app.SetUpAsync(villages: 2);
        var v1 = await app.UnitTokenAsync("village1@example.cn");
        var v2 = await app.UnitTokenAsync("village2@example.cn");
        (await app.SubmitAsync(v1)).EnsureSuccessStatusCode();
        (await app.SubmitAsync(v2)).EnsureSuccessStatusCode();

        var failed = await app.WaitForCaseAsync(poisoned, c => c.TryGetProperty("engineStatus", out var s) && s.GetString() == "Failed", TimeSpan.FromSeconds(90));
        var healthy = await app.WaitForCaseAsync(SampleCounty.CaseId("V2"), c => c.GetProperty("status").GetString() == "UnderReview");
        var lastError = failed.GetProperty("engineLastError").GetString() ?? string.Empty;
        var storage = app.Services.GetRequiredService<AppStorage>();
        var (quarantined, bystanders) = PoisonQueues.Count(await PoisonQueues.ReadAsync(storage.Queues, app.HubName, app.Services.GetRequiredService<DurableTaskOptions>().PartitionCount, output.WriteLine), poisoned);

        output.WriteLine($"crashes: {crashes}; quarantined: {quarantined} message(s) of the case, {bystanders} of others; case {poisoned} engineStatus Failed, engineLastError: {lastError}");
        output.WriteLine($"other case {SampleCounty.CaseId("V2")}: {healthy.GetProperty("status").GetString()}");
        ResultsTable.Add("Poison", "an activity whose worker crashes every time (fault injector before the result is sent)", $"{crashes} crashed runs, {quarantined} message quarantined, instance Failed: {Shorten(lastError)}", "quarantined after 5 dequeues; instance failed with the reason in GET /api/cases/{id}", crashes == 5 && quarantined == 1 && bystanders == 0 && lastError.Contains("Poison", StringComparison.Ordinal));

        Assert.Equal(5, crashes);
        Assert.Equal(1, quarantined);
        Assert.Equal(0, bystanders);
        Assert.Contains("Poison message", lastError, StringComparison.Ordinal);
        Assert.Contains("limit 5", lastError, StringComparison.Ordinal);
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
