using System.Globalization;
using GuanGong.Durable.AzureStorage;
using GuanGong.LocalHost.Durable;
using GuanGong.Storage;
using Microsoft.Extensions.DependencyInjection;
using OldRegistry = GuanGong.Durable.DurableTaskRegistry;
using OldWorker = GuanGong.Durable.DurableTaskWorker;
using OldWorkerOptions = GuanGong.Durable.DurableTaskWorkerOptions;

namespace GuanGong.Benchmarks.Engine;

/// <summary>
/// The old engine (src/Durable) and DTFx (src/LocalHost.Durable) side by side in one run on one Azurite: the chain
/// workload's throughput and storage requests per work item, then both engines idle at once with host.json's
/// settings (4 partitions, polling backs off to 40 s), plus DTFx variants that show what its settings cost.
/// </summary>
public sealed class EngineComparisonBenchmark : IBenchmark
{
    private static readonly TimeSpan HostJsonPolling = TimeSpan.FromSeconds(40);

    public string Name => "Old engine vs DTFx";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var instances = context.Mode.ChainInstancesAzurite;

        // One round each. (Alternating rounds were tried: on Azurite a DTFx round of 400 chains took 2.5 to over
        // 5 minutes on this shared machine, too long to repeat.)
        var old = await OldChainAsync(context, instances, cancellationToken);
        var dtfx = await DtfxChainWorkload.RunAsync(context.ConnectionString, new StorageRequestCounter(), instances, extendedSessions: false, context.Say, cancellationToken);
        context.Say($"DTFx chain: {dtfx.WorkItemsPerSecond:F0}/s, requests {dtfx.Requests}");
        var extended = await DtfxChainWorkload.RunAsync(context.ConnectionString, new StorageRequestCounter(), instances, extendedSessions: true, context.Say, cancellationToken);
        context.Say($"DTFx chain, extended sessions: {extended.WorkItemsPerSecond:F0}/s, requests {extended.Requests}");

        var settle = context.Mode == BenchmarkMode.Full ? TimeSpan.FromMinutes(1) : TimeSpan.FromSeconds(5);
        var window = context.Mode.IdleWindow;
        var idle = await Task.WhenAll(
            IdleOldAsync(context, settle, window, cancellationToken),
            IdleDtfxAsync(context, partitions: 4, HostJsonPolling, settle, window, cancellationToken),
            IdleDtfxAsync(context, partitions: 1, HostJsonPolling, settle, window, cancellationToken),
            IdleDtfxAsync(context, partitions: 4, TimeSpan.FromSeconds(30), settle, window, cancellationToken));
        var idleNote = string.Create(CultureInfo.InvariantCulture, $"one worker each, all idle at once, counted over {window.TotalMinutes:F1} min after {settle.TotalSeconds:F0} s settling");

        static string PerItem(ChainWorkload.Outcome o) => string.Create(CultureInfo.InvariantCulture, $"{(double)o.Requests.Total / o.WorkItems:F2}");
        static string Rate(ChainWorkload.Outcome o) => string.Create(
            CultureInfo.InvariantCulture, $"{o.WorkItemsPerSecond:N0}/s ({o.Instances} chains, {o.WorkItems} work items in {o.Elapsed.TotalSeconds:F1} s)");
        return
        [
            Row("work items per second (old / DTFx)", dtfx.WorkItemsPerSecond, "work items/s", $"old {Rate(old)} | DTFx {Rate(dtfx)}", "4 partitions, 10 activities / 100 orchestrations at once, polling ≤ 1 s"),
            Row("DTFx work items per second, extended sessions on", extended.WorkItemsPerSecond, "work items/s", $"{Rate(extended)}, {PerItem(extended)} requests/work item", "same workload and settings, extendedSessionsEnabled = true (idle timeout 30 s)"),
            Row("storage requests per work item (old / DTFx)", (double)dtfx.Requests.Total / dtfx.WorkItems, "requests", $"old {PerItem(old)} | DTFx {PerItem(dtfx)}", $"all requests of the run ÷ work items; DTFx by HTTP method: {dtfx.Requests}"),
            Row("idle requests per hour (old / DTFx)", idle[1], "requests/hour", string.Create(CultureInfo.InvariantCulture, $"old {idle[0]:N0}/h | DTFx {idle[1]:N0}/h"), idleNote + "; host.json: 4 partitions, maxQueuePollingInterval 40 s"),
            Row("DTFx idle requests per hour, 1 partition", idle[2], "requests/hour", string.Create(CultureInfo.InvariantCulture, $"{idle[2]:N0}/h"), idleNote + "; polling ≤ 40 s"),
            Row("DTFx idle requests per hour, polling ≤ 30 s (DTFx default)", idle[3], "requests/hour", string.Create(CultureInfo.InvariantCulture, $"{idle[3]:N0}/h"), idleNote + "; 4 partitions"),
        ];
    }

    private static async Task<ChainWorkload.Outcome> OldChainAsync(BenchmarkContext context, int instances, CancellationToken cancellationToken)
    {
        var counter = new StorageRequestCounter();
        var backend = AzureStorageOrchestrationBackend.FromConnectionString(
            context.ConnectionString,
            new AzureStorageBackendOptions { TaskHubName = "old" + Guid.NewGuid().ToString("N")[..8], PartitionCount = 4 },
            counter);
        var outcome = await ChainWorkload.RunAsync(backend, counter, instances, cancellationToken);
        context.Say($"old engine chain: {outcome.WorkItemsPerSecond:F0}/s, requests {outcome.Requests}");
        return outcome;
    }

    private static BenchmarkResult Row(string metric, double value, string unit, string figure, string note) =>
        new(metric, value, unit, figure, "the other engine, same run, same Azurite", "comparison", null, note);

    private static async Task<double> IdleOldAsync(BenchmarkContext context, TimeSpan settle, TimeSpan window, CancellationToken cancellationToken)
    {
        var counter = new StorageRequestCounter();
        var backend = AzureStorageOrchestrationBackend.FromConnectionString(
            context.ConnectionString,
            new AzureStorageBackendOptions { TaskHubName = "oldidle" + Guid.NewGuid().ToString("N")[..8], PartitionCount = 4 },
            counter);
        await backend.CreateIfNotExistsAsync(cancellationToken);
        var options = ChainWorkload.WorkerOptions();
        var idleOptions = new OldWorkerOptions
        {
            MaxConcurrentActivityFunctions = options.MaxConcurrentActivityFunctions,
            MaxConcurrentOrchestratorFunctions = options.MaxConcurrentOrchestratorFunctions,
            MaxQueuePollingInterval = HostJsonPolling,
        };
        await using var worker = new OldWorker(backend, new OldRegistry(), idleOptions);
        await worker.StartAsync(cancellationToken);
        var perHour = await CountAsync(counter, settle, window, cancellationToken);
        context.Say($"old engine idle: {perHour:F0}/h");
        await worker.StopAsync(cancellationToken);
        return perHour;
    }

    private static async Task<double> IdleDtfxAsync(BenchmarkContext context, int partitions, TimeSpan polling, TimeSpan settle, TimeSpan window, CancellationToken cancellationToken)
    {
        var counter = new StorageRequestCounter();
        var options = DtfxChainWorkload.Options(context.ConnectionString, "dtfxidle" + Guid.NewGuid().ToString("N")[..8], counter, polling, partitions);
        await using var engine = new DurableTaskEngine(options);
        using var services = new ServiceCollection().BuildServiceProvider();
        var worker = await engine.StartWorkerAsync(new EmptyFactory(), services);
        try
        {
            var perHour = await CountAsync(counter, settle, window, cancellationToken);
            context.Say(string.Create(CultureInfo.InvariantCulture, $"DTFx idle ({partitions} partitions, polling ≤ {polling.TotalSeconds:F0} s): {perHour:F0}/h, {counter.Snapshot()}"));
            return perHour;
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    private static async Task<double> CountAsync(StorageRequestCounter counter, TimeSpan settle, TimeSpan window, CancellationToken cancellationToken)
    {
        await Task.Delay(settle, cancellationToken);
        counter.Reset();
        await Task.Delay(window, cancellationToken);
        return counter.Snapshot().Total * (TimeSpan.FromHours(1) / window);
    }

    private sealed class EmptyFactory : Microsoft.DurableTask.Worker.IDurableTaskFactory
    {
        public bool TryCreateActivity(Microsoft.DurableTask.TaskName name, IServiceProvider serviceProvider, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Microsoft.DurableTask.ITaskActivity? activity)
        {
            activity = null;
            return false;
        }

        public bool TryCreateOrchestrator(Microsoft.DurableTask.TaskName name, IServiceProvider serviceProvider, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Microsoft.DurableTask.ITaskOrchestrator? orchestrator)
        {
            orchestrator = null;
            return false;
        }
    }
}
