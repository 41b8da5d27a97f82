using System.Globalization;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// An app with a launched campaign, cases waiting at the township and nothing happening: the storage
/// requests it makes anyway (the Durable worker's queue polls and partition-lease renewals, the app's
/// timers) over a window, scaled to an hour, priced; then the click → next reviewer's mail after idling.
/// </summary>
/// <remarks>
/// "After an idle hour" is simulated by the state an hour leaves behind: DTFx's pollers back off
/// (randomised exponential) to <c>maxQueuePollingInterval</c> within a minute of no messages and stay
/// there, and lease renewals go on regardless; so after the settling time plus the counted window (and,
/// for later samples, <see cref="BenchmarkMode.IdleBeforeEachClick"/> of silence) every queue is polled at
/// its longest interval, as after an hour. Not simulated: connections the platform would have closed in
/// an hour (a TLS handshake more in Azure) and a host scaled to zero (the Consumption plan's cold start).
/// </remarks>
public sealed class IdleRequestsBenchmark : IBenchmark
{
    private const double Target = 1_500;
    private static readonly TimeSpan LagTarget = TimeSpan.FromSeconds(15);

    /// <summary>The price per 10,000 transactions used for the bill (see docs/benchmarks.md for which price and why).</summary>
    private const double DollarsPer10kTransactions = 0.004;
    private const double HighDollarsPer10kTransactions = 0.065;

    public string Name => "storage requests per idle hour";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var samples = context.Mode.AfterIdleSamples;
        await using var app = await BenchApp.StartAsync(context);
        await County.SetUpAsync(app, County.Csv(villages: samples), "X1", launch: true);
        var opened = await ReviewClicks.OpenAtTownshipAsync(app, samples, cancellationToken);
        await Task.Delay(context.Mode.IdleSettle, cancellationToken);
        app.ResetCounts();
        var window = context.Mode.IdleWindow;
        await Task.Delay(window, cancellationToken);
        var appCounts = app.Requests.Snapshot();
        var engineCounts = app.EngineRequests.Snapshot();
        var total = appCounts.Total + engineCounts.Total;
        var perHour = total * (TimeSpan.FromHours(1) / window);
        var perMonth = perHour * 24 * 30;
        context.Say($"idle requests: app {appCounts}; engine {engineCounts}");

        var lags = new List<double>();
        for (var i = 0; i < opened.Count; i++)
        {
            if (i > 0)
            {
                await Task.Delay(context.Mode.IdleBeforeEachClick, cancellationToken);
            }

            lags.Add((await ReviewClicks.ApproveAndWaitForNextAsync(app, opened[i].UnitCode, opened[i].Link, cancellationToken)).TotalMilliseconds);
        }

        var worst = lags.Max();
        var settings = DurableSettingsText.Read();
        return
        [
            new BenchmarkResult(
                Name,
                perHour,
                "requests/hour",
                string.Create(CultureInfo.InvariantCulture, $"{perHour:N0}/h = app {appCounts.Total * (TimeSpan.FromHours(1) / window):N0} + Durable engine {engineCounts.Total * (TimeSpan.FromHours(1) / window):N0} ({total} in {window.TotalSeconds:F0} s after {context.Mode.IdleSettle.TotalSeconds:F0} s settling); {perMonth / 1e6:F2} M/month ≈ ${perMonth / 10_000 * DollarsPer10kTransactions:F2}/month at ${DollarsPer10kTransactions}/10k (${perMonth / 10_000 * HighDollarsPer10kTransactions:F2} if every one were priced as a hot-blob write, ${HighDollarsPer10kTransactions}/10k)"),
                "counted, not timed",
                "≤ 1,500/h",
                context.Judge(perHour <= Target),
                $"host.json durableTask: {settings}; app by operation: {appCounts}; engine by operation: {engineCounts}"),
            new BenchmarkResult(
                "decision → next reviewer's mail, after idling",
                worst,
                "ms (worst)",
                string.Create(CultureInfo.InvariantCulture, $"worst {worst:F0} ms; each: {string.Join(", ", lags.Select(l => l.ToString("F0", CultureInfo.InvariantCulture)))} ms ({lags.Count} clicks: the first after {(context.Mode.IdleSettle + window).TotalSeconds:F0} s of idling, each later one after {context.Mode.IdleBeforeEachClick.TotalSeconds:F0} s more)"),
                string.Create(CultureInfo.InvariantCulture, $"raw table insert p99 {context.Baseline.InsertP99Milliseconds:F1} ms; the worker's longest poll interval is host.json's maxQueuePollingInterval"),
                "≤ 15 s",
                context.Judge(worst <= LagTarget.TotalMilliseconds),
                "idle hour simulated by the pollers' backed-off state (see the class remarks): every queue at maxQueuePollingInterval when clicked"),
        ];
    }
}
