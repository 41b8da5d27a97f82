using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GuanGong.LocalHost.SampleApp;
using GuanGong.Testing;

namespace GuanGong.LocalHost.Tests;

/// <summary>The sample's orchestration end to end over HTTP, on DTFx and a real Azurite.</summary>
public sealed class DurableFunctionTests
{
    private static readonly JsonSerializerOptions Web = JsonSerializerOptions.Web;

    [Fact]
    public async Task Approval_DecisionArrives_EventWinsAndActivitiesRanWithDi()
    {
        await using var host = await DurableSampleHost.StartAsync();
        using var client = host.Client();

        var location = await DurableSampleHost.StartApprovalAsync(client, new ApprovalRequest("roof", TimeoutSeconds: 120));
        await DurableSampleHost.WaitForStatusAsync(client, location, "Running", TimeSpan.FromSeconds(60));
        using var decided = await client.PostAsJsonAsync(new Uri(location + "/decision", UriKind.Relative), new Decision("approved"));
        var body = await DurableSampleHost.WaitForStatusAsync(client, location, "Completed", TimeSpan.FromSeconds(60));
        var outcome = body.GetProperty("outcome").Deserialize<ApprovalOutcome>(Web)!;

        Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        Assert.Equal("approved", outcome.Verdict);
        Assert.False(outcome.TimedOut);
        Assert.Equal("Hello, roof", outcome.Announcement);
        Assert.Equal(2, outcome.ActivityCount);
        Assert.NotEqual(Guid.Empty, outcome.ActivityScope);
    }

    [Fact]
    public async Task Approval_NoDecision_DurableTimerWins()
    {
        await using var host = await DurableSampleHost.StartAsync();
        using var client = host.Client();

        var location = await DurableSampleHost.StartApprovalAsync(client, new ApprovalRequest("fence", TimeoutSeconds: 2));
        var body = await DurableSampleHost.WaitForStatusAsync(client, location, "Completed", TimeSpan.FromSeconds(60));
        var outcome = body.GetProperty("outcome").Deserialize<ApprovalOutcome>(Web)!;

        Assert.True(outcome.TimedOut);
        Assert.Equal("none", outcome.Verdict);
    }

    [Fact]
    public async Task Approval_FakeEngineClock_TimerFiresWhenClockAdvances()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        // The Tick timer is off here: on a fake clock every 2-second occurrence in 31 days would fire.
        await using var host = await DurableSampleHost.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.Settings["AzureWebJobs.Tick.Disabled"] = "true";
        });
        using var client = host.Client();

        var location = await DurableSampleHost.StartApprovalAsync(client, new ApprovalRequest("well", TimeoutSeconds: 30 * 24 * 3600));
        var running = await DurableSampleHost.WaitForStatusAsync(client, location, "Running", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var stillRunning = await client.GetFromJsonAsync<JsonElement>(location);
        var body = await DurableSampleHost.WaitForStatusAsync(client, location, "Completed", TimeSpan.FromSeconds(60), () => clock.Advance(TimeSpan.FromDays(31)));

        Assert.Equal("Running", stillRunning.GetProperty("runtimeStatus").GetString());
        Assert.True(body.GetProperty("outcome").Deserialize<ApprovalOutcome>(Web)!.TimedOut);
    }

    [Fact]
    public async Task Status_UnknownInstance_404()
    {
        await using var host = await DurableSampleHost.StartAsync();
        using var client = host.Client();

        using var response = await client.GetAsync("api/approvals/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DurableClient_LibraryApi_SameClientTheFunctionsGet()
    {
        await using var host = await DurableSampleHost.StartAsync();

        var id = await host.DurableClient!.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestration), new ApprovalRequest("gate", 1));
        var done = await host.DurableClient.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.True(done.ReadOutputAs<ApprovalOutcome>()!.TimedOut);
    }
}
