namespace GuanGong.Benchmarks;

/// <summary>
/// Raw Azurite figures from the same run, the yardstick for everything that depends on the machine:
/// the latency of one table insert with nothing else running, and how many simple requests per
/// second Azurite serves to many concurrent callers.
/// </summary>
public sealed record StorageBaseline(double InsertP50Milliseconds, double InsertP99Milliseconds, double OperationsPerSecond, string OperationMix);
