using GuanGong.LocalStack;

namespace GuanGong.Testing;

/// <summary>
/// One Azurite per test process, started on first use. Tests isolate themselves by unique table,
/// queue and container names, so classes can run in parallel against it. It needs no explicit
/// stop: the guard script ends Azurite when the test process exits (the stdin pipe closes).
/// </summary>
public static class SharedAzurite
{
    private static readonly Lazy<Task<AzuriteProcess>> Instance = new(() => AzuriteProcess.StartAsync(new AzuriteOptions()));

    /// <summary>The shared emulator.</summary>
    public static Task<AzuriteProcess> GetAsync() => Instance.Value;

    /// <summary>A name unique to this test run, valid for tables, queues and containers (lower-case letters and digits).</summary>
    public static string UniqueName(string prefix) =>
        (prefix + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();
}
