namespace GuanGong.Benchmarks;

/// <summary>
/// One row of the table. <see cref="Value"/> is the headline number in <see cref="Unit"/>;
/// <see cref="Figure"/> is how it reads (with p50/p99 and the like); <see cref="Baseline"/> is what
/// it was measured against in the same run; <see cref="Met"/> is null when a target cannot be
/// judged in this mode (quick mode judges nothing).
/// </summary>
public sealed record BenchmarkResult(
    string Metric,
    double Value,
    string Unit,
    string Figure,
    string Baseline,
    string Target,
    bool? Met,
    string Note);
