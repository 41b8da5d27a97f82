using System.Diagnostics;
using GuanGong.Durable;
using GuanGong.Storage;

namespace GuanGong.Benchmarks.Engine;

/// <summary>
/// Many instances of a five-activity chain on one worker with the app's dispatch settings
/// (host.json: 4 partitions, 10 activities and 100 episodes at once). Each instance is six
/// episodes and five activity calls: eleven work items.
/// </summary>
public sealed class ChainWorkload
{
    public const string Orchestrator = "Chain";
    public const string Step = "Step";
    public const int Activities = 5;
    public const int WorkItemsPerInstance = (2 * Activities) + 1;

    /// <summary>What one run measured.</summary>
    public sealed record Outcome(int Instances, long WorkItems, long RequestsInWorkItems, TimeSpan Elapsed, StorageRequestCounts Requests)
    {
        public double WorkItemsPerSecond => WorkItems / Elapsed.TotalSeconds;
    }

    public static DurableTaskWorkerOptions WorkerOptions() => new()
    {
        MaxConcurrentActivityFunctions = 10,
        MaxConcurrentOrchestratorFunctions = 100,
        MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
    };

    public static async Task<Outcome> RunAsync(IOrchestrationBackend backend, StorageRequestCounter? counter, int instances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var finished = 0;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registry = new DurableTaskRegistry()
            .AddActivityFunc<int, int>(Step, (_, value) => Task.FromResult(value + 1))
            .AddOrchestratorFunc<int, int>(Orchestrator, async (context, value) =>
            {
                for (var i = 0; i < Activities; i++)
                {
                    value = await context.CallActivityAsync<int>(Step, value);
                }

                if (!context.IsReplaying && Interlocked.Increment(ref finished) == instances)
                {
                    allDone.TrySetResult();
                }

                return value;
            });

        await backend.CreateIfNotExistsAsync(cancellationToken);
        var client = new DurableTaskClient(backend);
        await using var worker = new DurableTaskWorker(backend, registry, WorkerOptions());
        using var meter = new WorkItemMeter();
        counter?.Reset();
        var clock = Stopwatch.StartNew();
        await worker.StartAsync(cancellationToken);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, instances),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => await client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, i, cancellationToken: ct));
        try
        {
            await allDone.Task.WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Volatile.Read(ref finished)} of {instances} chains finished in 3 minutes ({meter.OrchestrationItems} episodes, {meter.ActivityItems} activities).");
        }

        // The last episode of an instance records its work item after its checkpoint, a moment
        // after the orchestrator code ran: wait for the count rather than undercount.
        var expected = (long)instances * WorkItemsPerInstance;
        while (meter.WorkItems < expected && clock.Elapsed < TimeSpan.FromMinutes(4) && meter.WorkItems > 0)
        {
            await Task.Delay(1, cancellationToken);
        }

        var elapsed = clock.Elapsed;
        var requests = counter?.Snapshot() ?? new StorageRequestCounter().Snapshot();
        await worker.StopAsync(cancellationToken);
        return new Outcome(instances, meter.WorkItems, meter.RequestsInWorkItems, elapsed, requests);
    }
}
