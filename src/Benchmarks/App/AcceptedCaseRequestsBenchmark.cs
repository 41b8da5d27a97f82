using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// One case through the whole chain over HTTP with no escalation: the unit submits, the township
/// approves, the county approves, the unit is told. Every storage request of the app and its engine
/// goes through AppStorage's one counter: reset before the submission, read after the verdict.
/// </summary>
public sealed class AcceptedCaseRequestsBenchmark : IBenchmark
{
    private const long Target = 30;

    public string Name => "storage requests per accepted case";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var app = await BenchApp.StartAsync(context);
        await County.SetUpAsync(app, County.Csv(villages: 1), "X1", launch: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var invitation = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("v1@example.cn", StringComparison.Ordinal)), skip: seen);
        var unitToken = County.TokenOf(County.LinkWith(invitation, "/u/"));

        // Let the launch's own work finish so only the case is counted.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        using var workItems = new GuanGong.Benchmarks.Engine.WorkItemMeter();
        app.Requests.Reset();
        var clock = Stopwatch.StartNew();
        using (var submit = BenchApp.WithBearer(new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{County.CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(County.SubmissionJson(), Encoding.UTF8, "application/json"),
        }, unitToken))
        using (var accepted = await app.Client.SendAsync(submit, cancellationToken))
        {
            Expect(accepted, HttpStatusCode.Accepted);
        }

        var afterSubmit = app.Requests.Snapshot();
        var township = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("town1-1@example.cn", StringComparison.Ordinal)) && m.Subject.Contains("请审核", StringComparison.Ordinal), skip: seen);
        await DecideAsync(app, County.LinkWith(township, "/r/"), cancellationToken);
        var county = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("county1@example.cn", StringComparison.Ordinal)) && m.Subject.Contains("请审核", StringComparison.Ordinal), skip: seen);
        await DecideAsync(app, County.LinkWith(county, "/r/"), cancellationToken);
        await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("v1@example.cn", StringComparison.Ordinal)) && m.Subject.Contains("验收结果", StringComparison.Ordinal), skip: seen);

        // The verdict mail goes out just before the orchestration's last checkpoint: give it a moment.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var counts = app.Requests.Snapshot();
        var elapsed = clock.Elapsed;
        var steps = await HotPathRequests.MeasureAsync(context, cancellationToken);
        var polls = counts["Queue", "GetMessages"];
        var inWorkItems = workItems.RequestsInWorkItems;
        context.Say($"accepted case requests: {counts}");
        return
        [
            new BenchmarkResult(
                Name,
                counts.Total,
                "requests",
                string.Create(CultureInfo.InvariantCulture, $"{counts.Total} = {inWorkItems} in {workItems.WorkItems} engine work items ({workItems.OrchestrationItems} episodes, {workItems.ActivityItems} activities) + {afterSubmit.Total} submit + {polls} queue receives (polling) + {counts.Total - inWorkItems - afterSubmit.Total - polls} decisions and other"),
                string.Create(CultureInfo.InvariantCulture, $"counted, not timed ({elapsed.TotalSeconds:F1} s wall, idle polls included)"),
                "≤ 30",
                context.Judge(counts.Total <= Target),
                string.Create(CultureInfo.InvariantCulture, $"the app's own steps at one stage, counted exactly with the engine idle: {steps}; by operation: {counts}")),
        ];
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
