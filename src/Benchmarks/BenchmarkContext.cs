using GuanGong.LocalStack;

namespace GuanGong.Benchmarks;

/// <summary>What every benchmark gets: the run's sizes, its own Azurite, the baseline and a log.</summary>
public sealed class BenchmarkContext(BenchmarkMode mode, AzuriteProcess azurite, TextWriter log)
{
    public BenchmarkMode Mode { get; } = mode;

    public AzuriteProcess Azurite { get; } = azurite;

    public string ConnectionString => Azurite.Endpoints.ConnectionString;

    public TextWriter Log { get; } = log;

    /// <summary>Settings every app of the run gets (command line <c>--set Key=Value</c>; e.g. durableTask settings to compare).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Set by the runner before any benchmark that needs it runs.</summary>
    public StorageBaseline Baseline { get; set; } = new(double.NaN, double.NaN, double.NaN, string.Empty);

    /// <summary>Targets are judged only in full mode: quick sizes are too small to mean anything.</summary>
    public bool? Judge(bool met) => Mode.IsFull ? met : null;

    public void Say(string line) => Log.WriteLine($"[bench] {line}");
}
