namespace GuanGong.Benchmarks;

/// <summary>One run: its mode, when and where, and every row.</summary>
public sealed record BenchmarkReport(string Mode, DateTimeOffset StartedAt, string Machine, StorageBaseline Baseline, IReadOnlyList<BenchmarkResult> Results);
