using DurableTask.Core;
using DurableTask.Core.History;
using GuanGong.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GuanGong.Reliability.Tests.Poison;

/// <summary>
/// A work item that crashes its dispatcher every time (an exception from the engine's middleware, where a
/// crash would be): DTFx abandons it with back-off and delivers it again; at the fifth delivery the engine's
/// poison guard ends the case's instance Failed with the reason, visible in the status API. Other cases go on.
/// </summary>
public sealed class PoisonTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WorkItemCrashingEveryDelivery_FailedAtFifthDelivery_ReasonInStatusApi()
    {
        var poisoned = SampleCounty.CaseId("V1");
        var healthy = SampleCounty.CaseId("V2");
        var crashes = 0;
        await using var app = await RunningApp.StartAsync(new AppOptions
        {
            MailOverSmtp = true,
            ConfigureEngine = engine => engine.OrchestrationMiddleware.Add((context, next) =>
            {
                var state = context.GetProperty<OrchestrationRuntimeState>();
                if (state?.OrchestrationInstance?.InstanceId is { } id && id.Contains(poisoned, StringComparison.Ordinal)
                    && state.Events.Concat(state.NewEvents).Any(e => e is TaskCompletedEvent))
                {
                    Interlocked.Increment(ref crashes);
                    throw new InvalidOperationException("simulated crash while running the case's work item");
                }

                return next();
            }),
        });
        await app.Client.SetUpCountyAsync(RunningApp.AdminKey);
        var v1 = await app.Smtp!.UnitTokenAsync("village1@example.cn");
        var v2 = await app.Smtp!.UnitTokenAsync("village2@example.cn");
        (await app.Client.SubmitAsync(v2)).EnsureSuccessStatusCode();
        await app.Smtp!.ReviewLinkAsync("town@example.cn", healthy);
        (await app.Client.SubmitAsync(v1)).EnsureSuccessStatusCode();

        var failed = await app.Client.WaitForCaseAsync(RunningApp.AdminKey, poisoned, c => c.GetProperty("engineStatus").GetString() == "Failed", TimeSpan.FromSeconds(120));
        var other = await app.Client.CaseAsync(RunningApp.AdminKey, healthy);
        var lastError = failed.GetProperty("engineLastError").GetString() ?? string.Empty;
        output.WriteLine($"crashed deliveries: {crashes}; {poisoned} engineStatus Failed, engineLastError: {lastError}; other case {other.GetProperty("status").GetString()}");
        ResultsTable.Add(
            "Poison (exception)",
            "one case's orchestration work item throws in the dispatcher on every delivery",
            $"{crashes} crashed deliveries, instance Failed: {(lastError.Length <= 160 ? lastError : lastError[..160] + "…")}; the other case {other.GetProperty("status").GetString()}",
            "failed at the 5th delivery with the reason in GET /api/cases/{id}",
            crashes == 4 && lastError.StartsWith("PoisonMessage", StringComparison.Ordinal));

        Assert.Equal(4, crashes);
        Assert.StartsWith("PoisonMessage", lastError, StringComparison.Ordinal);
        Assert.Equal("UnderReview", other.GetProperty("status").GetString());
        Assert.Equal("Running", other.GetProperty("engineStatus").GetString());
    }
}
