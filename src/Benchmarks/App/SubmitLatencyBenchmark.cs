using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// Units submitting at once: 32 clients, each submitting for its own units one after another
/// (a unit submits once). Latency is the HTTP round trip of <c>POST …/submissions</c>, judged
/// against one raw table insert measured in the same run at the same concurrency (32 callers
/// inserting, just before the submissions); the insert of one caller alone is shown beside it.
/// The storage requests one submission makes in line are counted on an app of their own
/// (<see cref="InLineSubmitRequests"/>).
/// </summary>
public sealed class SubmitLatencyBenchmark : IBenchmark
{
    private const double TargetMultipleOfInsert = 5;

    public string Name => "submit API latency p50/p99";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clients = context.Mode.SubmitClients;
        var units = (clients * context.Mode.SubmitsPerClient) + 3;
        await using var app = await BenchApp.StartAsync(context);
        await County.SetUpAsync(app, County.Csv(units), "X1", launch: true);
        var tokens = await UnitTokensAsync(app, units);

        // One unmeasured submission warms the path (JIT, connections, the campaign cache); the
        // next two, one at a time, show what a submission costs with no one else around.
        await SubmitAsync(app, tokens[units], cancellationToken);
        var alone = new List<double>();
        foreach (var unit in new[] { units - 1, units - 2 })
        {
            app.ResetCounts();
            var one = Stopwatch.GetTimestamp();
            await SubmitAsync(app, tokens[unit], cancellationToken);
            alone.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }

        var requestsPerSubmit = app.TotalRequests;

        // The yardstick at the same concurrency, measured just before, against the same Azurite while
        // the app (and its engine's polling) runs beside it.
        var insertCpu = CpuMeter.Read(context.Azurite);
        var concurrent = await ConcurrentInsertBaseline.MeasureAsync(context.ConnectionString, clients, context.Mode.SubmitsPerClient * 2, cancellationToken);
        var perInsert = CpuMeter.Read(context.Azurite) - insertCpu;
        var latencies = new ConcurrentBag<double>();
        var body = County.SubmissionJson();
        var submitCpu = CpuMeter.Read(context.Azurite);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(
            async () =>
            {
                for (var unit = 1 + client; unit < units - 2; unit += clients)
                {
                    var started = Stopwatch.GetTimestamp();
                    await SubmitAsync(app, tokens[unit], cancellationToken, body);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            },
            cancellationToken)));
        var elapsed = clock.Elapsed;
        var perSubmission = CpuMeter.Read(context.Azurite) - submitCpu;
        // The starts are sent after the answers (GuanGong.Functions.Submissions.WorkflowStarts): how far they trail.
        var starts = app.Services.GetRequiredService<GuanGong.Functions.Submissions.WorkflowStarts>();
        var queuedAtLastAnswer = starts.Pending;
        while (starts.Pending > 0 && clock.Elapsed - elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(20, cancellationToken);
        }

        var startsTrail = clock.Elapsed - elapsed;
        var p50 = Percentiles.Of(latencies, 50);
        var p99 = Percentiles.Of(latencies, 99);
        // The worker-off burst runs on an app of its own: this one is stopped first, or its workflows (512 of them, still
        // under way) would load the same Azurite and cores the "no workflow load" figure is meant to be without.
        await app.DisposeAsync();
        var idle = await InLineSubmitRequests.MeasureAsync(context, cancellationToken);
        var lone = (P50: context.Baseline.InsertP50Milliseconds, P99: context.Baseline.InsertP99Milliseconds);
        return
        [
            new BenchmarkResult(
                Name,
                p99,
                "ms (p99)",
                string.Create(CultureInfo.InvariantCulture, $"p50 {p50:F0} ms / p99 {p99:F0} ms = {p99 / concurrent.P99:F1}× a concurrent insert's p99 ({p99 / lone.P50:F0}× a lone insert's p50); {latencies.Count} submissions by {clients} clients in {elapsed.TotalSeconds:F1} s"),
                string.Create(CultureInfo.InvariantCulture, $"raw table insert, {clients} concurrent callers: p50 {concurrent.P50:F1} ms / p99 {concurrent.P99:F1} ms ({concurrent.Count} inserts, judged against); one caller alone: p50 {lone.P50:F1} ms / p99 {lone.P99:F1} ms"),
                "p99 ≤ 5 × raw insert p99 at the same concurrency",
                context.Judge(p99 <= TargetMultipleOfInsert * concurrent.P99),
                string.Create(CultureInfo.InvariantCulture, $"in line: {idle.Counted.Total / (double)idle.CountedSubmissions:F1} storage requests per submission (app: {idle.Counted}); sent after the answer, the Durable client's start: {idle.Engine.Total / (double)idle.CountedSubmissions:F1} ({idle.Engine}) (for {idle.CountedSubmissions}, counted with the Durable worker off, reference data warm); at the last answer {queuedAtLastAnswer} starts were still queued, all sent {startsTrail.TotalSeconds:F1} s after it; the same burst with the Durable worker off (no workflow load on Azurite): p50 {idle.IdleP50:F0} ms / p99 {idle.IdleP99:F0} ms = {idle.IdleP99 / concurrent.P99:F1}× the concurrent insert's p99 ({idle.BurstSubmissions} submissions, {idle.CpuMillisecondsPerSubmission:F1} ms of this process's CPU each, client included); one submission alone: {alone.Min():F0} ms, {requestsPerSubmit / (double)alone.Count:F0} requests counting the workflow episodes it starts and the polls meanwhile; the workflow runs in the same process while the submissions arrive. Machine CPU (2 cores): a concurrent insert {perInsert.App.TotalMilliseconds / concurrent.Count:F2} ms in this process + {perInsert.Azurite.TotalMilliseconds / concurrent.Count:F2} ms in Azurite, {concurrent.Count / concurrent.Elapsed.TotalSeconds:F0} inserts/s; a submission while the starts and workflows run beside it {perSubmission.App.TotalMilliseconds / latencies.Count:F1} ms + {perSubmission.Azurite.TotalMilliseconds / latencies.Count:F1} ms (table {perSubmission.Table.TotalMilliseconds / latencies.Count:F1}, queue {perSubmission.Queue.TotalMilliseconds / latencies.Count:F1}, blob {perSubmission.Blob.TotalMilliseconds / latencies.Count:F1}), {latencies.Count / elapsed.TotalSeconds:F0} submissions/s; with the worker off {idle.CpuMillisecondsPerSubmission:F1} ms + {idle.AzuriteCpuMillisecondsPerSubmission:F1} ms, {idle.PerSecond:F0}/s")),
        ];
    }

    /// <summary>Unit tokens by village number (index 1…n), from the invitation mails the launch wrote.</summary>
    internal static async Task<string[]> UnitTokensAsync(BenchApp app, int units)
    {
        var tokens = new string[units + 1];
        var deadline = Stopwatch.StartNew();
        while (tokens.Skip(1).Any(t => t is null))
        {
            foreach (var path in Directory.EnumerateFiles(app.MailFolder, "*.eml"))
            {
                var mail = GuanGong.LocalStack.Mail.MailFile.Load(path);
                var link = mail.Links.FirstOrDefault(l => new Uri(l).AbsolutePath.StartsWith("/u/", StringComparison.Ordinal));
                var to = mail.To.FirstOrDefault(t => t.Contains("@example.cn", StringComparison.Ordinal)) ?? string.Empty;
                var at = to.IndexOf("@example.cn", StringComparison.Ordinal);
                var start = to.LastIndexOfAny(['<', ' ', ','], Math.Max(at - 1, 0)) + 1;
                var local = at > start ? to[start..at] : string.Empty;
                if (link is not null && local.StartsWith('v') && int.TryParse(local.AsSpan(1), CultureInfo.InvariantCulture, out var number) && number <= units)
                {
                    tokens[number] = County.TokenOf(link);
                }
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("Not every unit's invitation arrived.");
            }

            await Task.Delay(100);
        }

        return tokens;
    }

    /// <summary>Submits for <paramref name="unitCode"/> with the admin key; the case's receipt number, from the 202 answer.</summary>
    internal static async Task<string> SubmitAsAdminAsync(BenchApp app, string unitCode, CancellationToken cancellationToken)
    {
        using var response = await app.AdminPostAsync($"/api/campaigns/{County.CampaignId}/submissions", County.AdminSubmissionJson(unitCode), cancellationToken: cancellationToken);
        AcceptedCaseRequestsBenchmark.Expect(response, HttpStatusCode.Accepted);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("receiptNumber").GetString()
            ?? throw new InvalidOperationException($"The submission for {unitCode} was accepted without a receipt number.");
    }

    internal static async Task SubmitAsync(BenchApp app, string token, CancellationToken cancellationToken, string? body = null)
    {
        using var request = BenchApp.WithBearer(new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{County.CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(body ?? County.SubmissionJson(), Encoding.UTF8, "application/json"),
        }, token);
        using var response = await app.Client.SendAsync(request, cancellationToken);
        AcceptedCaseRequestsBenchmark.Expect(response, HttpStatusCode.Accepted);
    }
}
