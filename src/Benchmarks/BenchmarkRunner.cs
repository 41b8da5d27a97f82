using System.Diagnostics;
using System.Globalization;
using GuanGong.Benchmarks.App;
using GuanGong.Benchmarks.Storage;
using GuanGong.LocalStack;

namespace GuanGong.Benchmarks;

/// <summary>
/// Runs every benchmark one after another against one Azurite of its own, after measuring the raw
/// storage baseline in the same run. A benchmark that throws gives a row saying so (NaN), so one
/// broken benchmark does not hide the others.
/// </summary>
public static class BenchmarkRunner
{
    public static IReadOnlyList<IBenchmark> All() =>
    [
        new DecisionToMailBenchmark(),
        new IdleRequestsBenchmark(),
        new SubmitLatencyBenchmark(),
        new AcceptedCaseRequestsBenchmark(),
        new BurstBenchmark(),
        new LedgerUploadBenchmark(),
        new DashboardBenchmark(),
    ];

    public static async Task<BenchmarkReport> RunAsync(BenchmarkMode mode, TextWriter log, IReadOnlyList<IBenchmark>? benchmarks = null, CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(log);
        var startedAt = TimeProvider.System.GetUtcNow();
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), cancellationToken);
        var context = new BenchmarkContext(mode, azurite, log);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            context.Settings[key] = value;
        }

        context.Baseline = await new RawStorageBaseline().MeasureAsync(context, cancellationToken);
        var results = new List<BenchmarkResult>();
        foreach (var benchmark in benchmarks ?? All())
        {
            context.Say($"{benchmark.Name}…");
            var clock = Stopwatch.StartNew();
            try
            {
                var rows = await benchmark.RunAsync(context, cancellationToken);
                results.AddRange(rows);

                // Each row as soon as it is known, so a long run cut short still leaves its figures.
                foreach (var row in rows)
                {
                    context.Say($"{row.Metric}: {row.Figure} | {row.Baseline}");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                context.Say($"{benchmark.Name} failed: {ex}");
                results.Add(new BenchmarkResult(benchmark.Name, double.NaN, string.Empty, "failed", string.Empty, string.Empty, false, ex.GetType().Name + ": " + ex.Message));
            }

            context.Say(string.Create(CultureInfo.InvariantCulture, $"{benchmark.Name} took {clock.Elapsed.TotalSeconds:F1} s"));
        }

        var machine = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        return new BenchmarkReport(mode.Name, startedAt, machine, context.Baseline, results);
    }
}
