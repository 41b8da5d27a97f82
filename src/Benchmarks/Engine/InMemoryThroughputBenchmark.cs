using System.Globalization;
using GuanGong.Durable;

namespace GuanGong.Benchmarks.Engine;

/// <summary>The chain workload on the in-memory backend: the engine's own overhead with storage taken away.</summary>
public sealed class InMemoryThroughputBenchmark : IBenchmark
{
    private const double Target = 5_000;

    public string Name => "work items per second, in-memory backend";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A short warm-up run JITs the engine, then the measured run on a fresh backend.
        await ChainWorkload.RunAsync(new InMemoryOrchestrationBackend(), null, 50, cancellationToken);
        var outcome = await ChainWorkload.RunAsync(new InMemoryOrchestrationBackend(), null, context.Mode.ChainInstancesInMemory, cancellationToken);
        var rate = outcome.WorkItemsPerSecond;
        return
        [
            new BenchmarkResult(
                Name,
                rate,
                "work items/s",
                string.Create(CultureInfo.InvariantCulture, $"{rate:N0}/s ({outcome.Instances} chains, {outcome.WorkItems} work items in {outcome.Elapsed.TotalSeconds:F2} s)"),
                "none needed (no storage)",
                "≥ 5,000/s",
                context.Judge(rate >= Target),
                string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; app dispatch settings (10 activities, 100 episodes at once)")),
        ];
    }
}
