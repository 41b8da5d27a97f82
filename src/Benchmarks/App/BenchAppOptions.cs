namespace GuanGong.Benchmarks.App;

/// <summary>How a <see cref="BenchApp"/> is started: settings over the benchmark defaults, and whether its Durable worker runs.</summary>
public sealed class BenchAppOptions
{
    /// <summary>Settings over the defaults (host.json's durableTask section through <c>AzureFunctionsJobHost:…</c>).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>False: the Durable client works (starts and events are queued) but no worker polls or runs anything.</summary>
    public bool RunDurableWorker { get; set; } = true;

    /// <summary>Told when the worker starts an orchestration episode (with the instance id) or an activity (with its name).</summary>
    public StepMeter? Steps { get; set; }
}
