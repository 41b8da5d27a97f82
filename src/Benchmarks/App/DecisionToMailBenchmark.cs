using System.Globalization;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// A reviewer's click to the next reviewer's mail, on a warm worker: cases wait at the township; one
/// after another the township approves and the time until the county reviewer's mail is written is
/// taken (event message, episode, the decision applied, the county's task opened and mailed — two
/// activities and two episodes on DTFx over Azurite). Judged against 2 s; the raw insert of the same
/// run is printed beside it.
/// </summary>
public sealed class DecisionToMailBenchmark : IBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(2);

    public string Name => "decision → next reviewer's mail, warm";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var samples = context.Mode.DecisionSamples;
        await using var app = await BenchApp.StartAsync(context);
        await County.SetUpAsync(app, County.Csv(samples), "X1", launch: true);
        var opened = await ReviewClicks.OpenAtTownshipAsync(app, samples, cancellationToken);
        var lags = new List<double>();
        foreach (var (unitCode, link) in opened)
        {
            lags.Add((await ReviewClicks.ApproveAndWaitForNextAsync(app, unitCode, link, cancellationToken)).TotalMilliseconds);
        }

        var p99 = Percentiles.Of(lags, 99);
        return
        [
            new BenchmarkResult(
                Name,
                p99,
                "ms (p99)",
                string.Create(CultureInfo.InvariantCulture, $"p50 {Percentiles.Of(lags, 50):F0} ms / p99 {p99:F0} ms ({lags.Count} clicks, one after another)"),
                string.Create(CultureInfo.InvariantCulture, $"raw table insert p50 {context.Baseline.InsertP50Milliseconds:F1} ms / p99 {context.Baseline.InsertP99Milliseconds:F1} ms"),
                "p99 ≤ 2 s",
                context.Judge(p99 <= Target.TotalMilliseconds),
                "click = POST /api/reviews/decisions (township approves); until the county reviewer's .eml is in the pickup folder (polled every 10 ms); host.json's durableTask settings"),
        ];
    }
}
