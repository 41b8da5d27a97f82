using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using GuanGong.LocalHost.Durable;
using GuanGong.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Benchmarks.Engine;

/// <summary>
/// <see cref="ChainWorkload"/> on DTFx (src/LocalHost.Durable): the same five-activity chain, the same dispatch settings
/// (4 partitions, 10 activities and 100 orchestrations at once, polling at most every second). Work items are what
/// DTFx dispatches (orchestration episodes and activity calls), counted by its dispatcher middleware.
/// </summary>
public static class DtfxChainWorkload
{
    public static DurableEngineOptions Options(string connectionString, string hub, StorageRequestCounter counter, TimeSpan maxPolling, int partitions = 4)
    {
        var options = new DurableEngineOptions
        {
            ConnectionString = connectionString,
            Settings = new DurableTaskSettings
            {
                HubName = hub,
                MaxConcurrentActivityFunctions = 10,
                MaxConcurrentOrchestratorFunctions = 100,
                StorageProvider = new DurableStorageProviderSettings { PartitionCount = partitions, MaxQueuePollingInterval = maxPolling },
            },
            ClientPollingInterval = TimeSpan.FromSeconds(1),
        };
        options.StoragePolicies.Add(counter);
        return options;
    }

    public static async Task<ChainWorkload.Outcome> RunAsync(string connectionString, StorageRequestCounter counter, int instances, bool extendedSessions, Action<string> say, CancellationToken cancellationToken)
    {
        var finished = 0;
        long episodes = 0, activities = 0;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Options(connectionString, "dtfx" + Guid.NewGuid().ToString("N")[..8], counter, TimeSpan.FromSeconds(1));
        options.Settings.ExtendedSessionsEnabled = extendedSessions;
        options.OrchestrationMiddleware.Add(async (_, next) =>
        {
            await next();
            Interlocked.Increment(ref episodes);
        });
        long firstActivityTicks = 0;
        options.ActivityMiddleware.Add(async (_, next) =>
        {
            await next();
            if (Interlocked.Increment(ref activities) == 1)
            {
                firstActivityTicks = Stopwatch.GetTimestamp();
            }
        });
        var factory = new ChainFactory(() =>
        {
            if (Interlocked.Increment(ref finished) == instances)
            {
                allDone.TrySetResult();
            }
        });

        await using var engine = new DurableTaskEngine(options);
        await engine.CreateIfNotExistsAsync();
        var client = engine.CreateClient();
        using var services = new ServiceCollection().BuildServiceProvider();
        counter.Reset();
        var clock = Stopwatch.StartNew();
        var startTicks = Stopwatch.GetTimestamp();
        var worker = await engine.StartWorkerAsync(factory, services);
        var started = clock.Elapsed;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, instances),
                new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (i, ct) => await client.ScheduleNewOrchestrationInstanceAsync(ChainWorkload.Orchestrator, i, cancellation: ct));
            var scheduled = clock.Elapsed;
            try
            {
                await allDone.Task.WaitAsync(TimeSpan.FromMinutes(20), cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{Volatile.Read(ref finished)} of {instances} chains finished in 20 minutes ({episodes} episodes, {activities} activities).");
            }

            // The last episode's checkpoint is written after the orchestrator code returned: let it land.
            var expectedActivities = (long)instances * ChainWorkload.Activities;
            while (Interlocked.Read(ref activities) < expectedActivities && clock.Elapsed < TimeSpan.FromMinutes(21))
            {
                await Task.Delay(1, cancellationToken);
            }

            await Task.Delay(200, cancellationToken);
            var elapsed = clock.Elapsed;
            var requests = counter.Snapshot();
            var firstActivity = firstActivityTicks == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(startTicks, firstActivityTicks);
            say(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"DTFx chain timeline: worker started {started.TotalSeconds:F1} s, all scheduled {scheduled.TotalSeconds:F1} s, first activity done {firstActivity.TotalSeconds:F1} s, all done {elapsed.TotalSeconds:F1} s"));
            var workItems = Interlocked.Read(ref episodes) + Interlocked.Read(ref activities);
            return new ChainWorkload.Outcome(instances, workItems, requests.Total, elapsed, requests);
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    /// <summary>The chain as Microsoft.DurableTask tasks (what the SDK's registry would build).</summary>
    private sealed class ChainFactory(Action finished) : IDurableTaskFactory
    {
        public bool TryCreateActivity(TaskName name, IServiceProvider serviceProvider, [NotNullWhen(true)] out ITaskActivity? activity)
        {
            activity = name.Name == ChainWorkload.Step ? new Step() : null;
            return activity is not null;
        }

        public bool TryCreateOrchestrator(TaskName name, IServiceProvider serviceProvider, [NotNullWhen(true)] out ITaskOrchestrator? orchestrator)
        {
            orchestrator = name.Name == ChainWorkload.Orchestrator ? new Chain(finished) : null;
            return orchestrator is not null;
        }
    }

    private sealed class Step : TaskActivity<int, int>
    {
        public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
    }

    private sealed class Chain(Action finished) : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            for (var i = 0; i < ChainWorkload.Activities; i++)
            {
                input = await context.CallActivityAsync<int>(ChainWorkload.Step, input);
            }

            if (!context.IsReplaying)
            {
                finished();
            }

            return input;
        }
    }
}
