using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// One case through the whole chain over HTTP with no escalation: the unit submits, the township
/// approves, the county approves, the unit is told. Every storage request is counted: the app's own
/// (<c>AppStorage.RequestCounter</c>) and the Durable engine's (worker and client, through
/// <c>DurableEngineOptions.StoragePolicies</c>), both reset before the submission and read after the
/// verdict, split by step (<see cref="StepMeter"/>).
/// </summary>
public sealed class AcceptedCaseRequestsBenchmark : IBenchmark
{
    private const long Target = 80;

    public string Name => "storage requests per accepted case";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var steps = new StepMeter();
        await using var app = await BenchApp.StartAsync(context, new BenchAppOptions { Steps = steps });
        await County.SetUpAsync(app, County.Csv(villages: 1), "X1", launch: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var invitation = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("v1@example.cn", StringComparison.Ordinal)), skip: seen);
        var unitToken = County.TokenOf(County.LinkWith(invitation, "/u/"));

        // Let the launch's own work finish so only the case is counted.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        app.ResetCounts();
        steps.Start(app);
        var clock = Stopwatch.StartNew();
        steps.Begin("submit (HTTP)");
        using (var submit = BenchApp.WithBearer(new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{County.CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(County.SubmissionJson(), Encoding.UTF8, "application/json"),
        }, unitToken))
        using (var accepted = await app.Client.SendAsync(submit, cancellationToken))
        {
            Expect(accepted, HttpStatusCode.Accepted);
        }

        var township = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("town1-1@example.cn", StringComparison.Ordinal)) && m.Subject.Contains("请审核", StringComparison.Ordinal), skip: seen);
        steps.Begin("decision (HTTP)");
        await DecideAsync(app, County.LinkWith(township, "/r/"), cancellationToken);
        var county = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("county1@example.cn", StringComparison.Ordinal)) && m.Subject.Contains("请审核", StringComparison.Ordinal), skip: seen);
        steps.Begin("decision (HTTP)");
        await DecideAsync(app, County.LinkWith(county, "/r/"), cancellationToken);
        await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("v1@example.cn", StringComparison.Ordinal)) && m.Subject.Contains("验收结果", StringComparison.Ordinal), skip: seen);

        // The verdict mail goes out before the orchestration's last activity and checkpoint: wait for the instance to finish.
        // The benchmark's own status reads are counted by the engine's counter too: taken out again.
        steps.Begin("until completed (polls, leases)");
        var ownReads = await WaitForCompletionAsync(app, GuanGong.Functions.Cases.Workflow.CaseWorkflowNames.InstanceId(County.CaseId("V1")), cancellationToken);
        steps.Stop();
        var elapsed = clock.Elapsed;
        var appCounts = app.Requests.Snapshot();
        var engineCounts = app.EngineRequests.Snapshot();
        var total = appCounts.Total + engineCounts.Total - ownReads;
        var inSteps = steps.Total;
        context.Say($"accepted case requests: app {appCounts}; engine {engineCounts}");
        var together = await ConcurrentCases.MeasureAsync(context, context.Mode.IsFull ? 20 : 4, cancellationToken);
        return
        [
            new BenchmarkResult(
                Name,
                total,
                "requests",
                string.Create(CultureInfo.InvariantCulture, $"{total} = app {appCounts.Total} + Durable engine {engineCounts.Total - ownReads} (3 levels: submit, township and county approve, verdict)"),
                string.Create(CultureInfo.InvariantCulture, $"counted, not timed ({elapsed.TotalSeconds:F1} s wall, the worker's polls and lease renewals in that time included; steps account for {inSteps.App + inSteps.Engine}); {together.Cases} cases at once: {together.App + together.Engine:F0} per case = app {together.App:F0} + engine {together.Engine:F0}"),
                "≤ 80",
                context.Judge(total <= Target),
                string.Create(CultureInfo.InvariantCulture, $"by step (from its start to the next step's start): {steps} (the last less the benchmark's {ownReads} status reads); app by operation: {appCounts}; engine by operation: {engineCounts}")),
        ];
    }

    /// <summary>Waits for the instance to finish; returns the storage requests the status reads made.</summary>
    internal static async Task<long> WaitForCompletionAsync(BenchApp app, string instanceId, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        long reads = 0;
        while (true)
        {
            var before = app.EngineRequests.Total;
            var state = await app.Engine.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            reads += app.EngineRequests.Total - before;
            if (state?.IsCompleted == true)
            {
                return reads;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"{instanceId} did not complete: {state?.RuntimeStatus}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task DecideAsync(BenchApp app, string link, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { token = County.TokenOf(link), action = "Approve", reason = "材料齐全，同意。", reviewSheet = (object?)null });
        using var response = await app.Client.PostAsync(new Uri("/api/reviews/decisions", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        Expect(response, HttpStatusCode.OK);
    }

    internal static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)status}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }
    }
}
