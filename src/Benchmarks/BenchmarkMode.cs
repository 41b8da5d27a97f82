namespace GuanGong.Benchmarks;

/// <summary>
/// The sizes of one run. Quick proves every benchmark still works (CI, a few minutes on two
/// cores); full produces the figures for the documented table.
/// </summary>
public sealed record BenchmarkMode(
    string Name,
    int ChainInstancesInMemory,
    int ChainInstancesAzurite,
    TimeSpan RawStorageDuration,
    int LagSamples,
    TimeSpan IdleWindow,
    int SubmitClients,
    int SubmitsPerClient,
    int LedgerMegabytes,
    int DashboardUnits,
    int DashboardReads)
{
    /// <summary>Small sizes: proves the benchmarks run end to end; the figures mean little.</summary>
    public static BenchmarkMode Quick { get; } = new(
        "quick", ChainInstancesInMemory: 500, ChainInstancesAzurite: 40, RawStorageDuration: TimeSpan.FromSeconds(2),
        LagSamples: 10, IdleWindow: TimeSpan.FromSeconds(20), SubmitClients: 32, SubmitsPerClient: 1,
        LedgerMegabytes: 8, DashboardUnits: 100, DashboardReads: 10);

    /// <summary>The sizes the issue asks for.</summary>
    public static BenchmarkMode Full { get; } = new(
        "full", ChainInstancesInMemory: 5_000, ChainInstancesAzurite: 400, RawStorageDuration: TimeSpan.FromSeconds(10),
        LagSamples: 100, IdleWindow: TimeSpan.FromMinutes(10), SubmitClients: 32, SubmitsPerClient: 4,
        LedgerMegabytes: 200, DashboardUnits: 5_000, DashboardReads: 60);
}
