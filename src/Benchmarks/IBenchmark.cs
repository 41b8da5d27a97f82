namespace GuanGong.Benchmarks;

/// <summary>One benchmark: measures and returns its rows of the table.</summary>
public interface IBenchmark
{
    string Name { get; }

    Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken);
}
