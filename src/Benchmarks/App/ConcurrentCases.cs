using System.Net;
using System.Text;
using System.Text.Json;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// Several cases through the same chain at once (submit all, approve all at the township, all at the
/// county, wait for every verdict and every instance to finish), counted like the single case: what a
/// case costs when the worker's receives and checkpoints are shared, as on a busy day.
/// </summary>
public static class ConcurrentCases
{
    /// <summary>Storage requests per case: (app, engine, cases).</summary>
    public static async Task<(double App, double Engine, int Cases)> MeasureAsync(BenchmarkContext context, int cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var app = await BenchApp.StartAsync(context);
        await County.SetUpAsync(app, County.Csv(cases), "X1", launch: true);
        await app.WaitForMailAsync(m => m.To.Any(t => t.Contains($"v{cases}@example.cn", StringComparison.Ordinal)), TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        app.ResetCounts();
        var units = Enumerable.Range(1, cases).Select(i => $"V{i}").ToList();
        // The receipt numbers (how the mails are told apart) come from the 202 answers: reading them back
        // would count the benchmark's own requests as the case's.
        var receipts = await Task.WhenAll(units.Select(u => SubmitLatencyBenchmark.SubmitAsAdminAsync(app, u, cancellationToken)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var numbers = units.Zip(receipts).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

        foreach (var reviewer in new[] { "town1-1@", "county1@" })
        {
            var links = new List<string>();
            foreach (var unit in units)
            {
                var mail = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains(reviewer, StringComparison.Ordinal)) && m.Subject.Contains("请审核", StringComparison.Ordinal) && m.Body.Contains(numbers[unit], StringComparison.Ordinal), TimeSpan.FromMinutes(3), seen);
                links.Add(County.LinkWith(mail, "/r/"));
            }

            await Task.WhenAll(links.Select(link => ApproveAsync(app, link, cancellationToken)));
        }

        long ownReads = 0;
        foreach (var unit in units)
        {
            ownReads += await AcceptedCaseRequestsBenchmark.WaitForCompletionAsync(app, GuanGong.Functions.Cases.Workflow.CaseWorkflowNames.InstanceId(County.CaseId(unit)), cancellationToken);
        }

        context.Say($"{cases} cases at once, requests: app {app.Requests.Snapshot()}; engine {app.EngineRequests.Snapshot()} (less {ownReads} status reads)");
        return (app.Requests.Total / (double)cases, (app.EngineRequests.Total - ownReads) / (double)cases, cases);
    }

    private static async Task ApproveAsync(BenchApp app, string link, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { token = County.TokenOf(link), action = "Approve", reason = "材料齐全，同意。", reviewSheet = (object?)null });
        using var response = await app.Client.PostAsync(new Uri("/api/reviews/decisions", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        AcceptedCaseRequestsBenchmark.Expect(response, HttpStatusCode.OK);
    }
}
