using System.Globalization;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// An app with a launched campaign and nothing happening: the storage requests it makes anyway
/// (queue polling, timers, health) over a window, scaled to an hour. The window starts after a
/// settling minute (full mode) so the dispatcher's idle back-off has reached its ceiling.
/// </summary>
public sealed class IdleRequestsBenchmark : IBenchmark
{
    private const double Target = 120;

    public string Name => "storage requests per idle hour";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var app = await BenchApp.StartAsync(context);
        await County.SetUpAsync(app, County.Csv(villages: 2), "X1", launch: true);
        var settle = context.Mode == BenchmarkMode.Full ? TimeSpan.FromMinutes(1) : TimeSpan.FromSeconds(5);
        await Task.Delay(settle, cancellationToken);
        app.Requests.Reset();
        var window = context.Mode.IdleWindow;
        await Task.Delay(window, cancellationToken);
        var counts = app.Requests.Snapshot();
        var perHour = counts.Total * (TimeSpan.FromHours(1) / window);
        context.Say($"idle requests: {counts}");
        return
        [
            new BenchmarkResult(
                Name,
                perHour,
                "requests/hour",
                string.Create(CultureInfo.InvariantCulture, $"{perHour:N0}/h ({counts.Total} in {window.TotalSeconds:F0} s after {settle.TotalSeconds:F0} s settling)"),
                "counted, not timed",
                "≤ 120",
                context.Judge(perHour <= Target),
                "by operation: " + counts),
        ];
    }
}
