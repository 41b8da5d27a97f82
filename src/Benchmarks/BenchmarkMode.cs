namespace GuanGong.Benchmarks;

/// <summary>
/// The sizes of one run. Quick proves every benchmark still works (CI, about two minutes on two
/// cores); full produces the figures for the documented table.
/// </summary>
public sealed record BenchmarkMode(
    string Name,
    TimeSpan RawStorageDuration,
    int DecisionSamples,
    TimeSpan IdleSettle,
    TimeSpan IdleWindow,
    int AfterIdleSamples,
    TimeSpan IdleBeforeEachClick,
    int SubmitClients,
    int SubmitsPerClient,
    int BurstSubmissions,
    int BurstClients,
    int LedgerMegabytes,
    int DashboardUnits,
    int DashboardReads)
{
    /// <summary>Full sizes (targets are judged); a full mode with a shorter idle window is still full.</summary>
    public bool IsFull => Name == "full";

    /// <summary>Small sizes: proves the benchmarks run end to end; the figures mean little.</summary>
    public static BenchmarkMode Quick { get; } = new(
        "quick", RawStorageDuration: TimeSpan.FromSeconds(2), DecisionSamples: 3,
        IdleSettle: TimeSpan.FromSeconds(3), IdleWindow: TimeSpan.FromSeconds(10), AfterIdleSamples: 1, IdleBeforeEachClick: TimeSpan.Zero,
        SubmitClients: 32, SubmitsPerClient: 1, BurstSubmissions: 64, BurstClients: 64,
        LedgerMegabytes: 8, DashboardUnits: 100, DashboardReads: 10);

    /// <summary>The sizes the issue asks for.</summary>
    public static BenchmarkMode Full { get; } = new(
        "full", RawStorageDuration: TimeSpan.FromSeconds(10), DecisionSamples: 40,
        IdleSettle: TimeSpan.FromSeconds(90), IdleWindow: TimeSpan.FromMinutes(5), AfterIdleSamples: 3, IdleBeforeEachClick: TimeSpan.FromSeconds(90),
        SubmitClients: 32, SubmitsPerClient: 16, BurstSubmissions: 2_000, BurstClients: 64,
        LedgerMegabytes: 200, DashboardUnits: 5_000, DashboardReads: 60);
}
