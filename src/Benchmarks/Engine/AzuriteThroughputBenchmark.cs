using System.Globalization;
using GuanGong.Durable.AzureStorage;
using GuanGong.Storage;

namespace GuanGong.Benchmarks.Engine;

/// <summary>
/// The chain workload on Azurite. The ceiling is what Azurite alone could carry: its raw requests
/// per second (measured in the same run) divided by the requests the engine makes per work item.
/// </summary>
public sealed class AzuriteThroughputBenchmark : IBenchmark
{
    private const double AbsoluteTarget = 250;
    private const double ShareOfCeilingTarget = 0.70;

    public string Name => "work items per second, Azurite backend";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var counter = new StorageRequestCounter();
        var backend = AzureStorageOrchestrationBackend.FromConnectionString(
            context.ConnectionString,
            new AzureStorageBackendOptions { TaskHubName = "bench" + Guid.NewGuid().ToString("N")[..8], PartitionCount = 4 },
            counter);
        var outcome = await ChainWorkload.RunAsync(backend, counter, context.Mode.ChainInstancesAzurite, cancellationToken);
        var rate = outcome.WorkItemsPerSecond;
        var requestsPerItem = (double)outcome.Requests.Total / outcome.WorkItems;
        var ceiling = context.Baseline.OperationsPerSecond / requestsPerItem;
        var share = rate / ceiling;
        context.Say($"Azurite chain requests: {outcome.Requests}");
        return
        [
            new BenchmarkResult(
                Name,
                rate,
                "work items/s",
                string.Create(CultureInfo.InvariantCulture, $"{rate:N0}/s = {share:P0} of ceiling ({outcome.Instances} chains, {outcome.WorkItems} work items in {outcome.Elapsed.TotalSeconds:F1} s)"),
                string.Create(CultureInfo.InvariantCulture, $"ceiling {ceiling:N0}/s = raw {context.Baseline.OperationsPerSecond:N0} ops/s ÷ {requestsPerItem:F2} requests/work item ({(double)outcome.RequestsInWorkItems / outcome.WorkItems:F2} inside work items, rest client + polling)"),
                "≥ 250/s and ≥ 70% of ceiling",
                context.Judge(rate >= AbsoluteTarget && share >= ShareOfCeilingTarget),
                "requests by operation: " + outcome.Requests),
        ];
    }
}
