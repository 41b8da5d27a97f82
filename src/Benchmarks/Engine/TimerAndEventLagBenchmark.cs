using System.Collections.Concurrent;
using System.Globalization;
using GuanGong.Durable;
using GuanGong.Durable.AzureStorage;

namespace GuanGong.Benchmarks.Engine;

/// <summary>
/// Lag on Azurite with the app's dispatch settings (host.json: idle polling backs off to 30 s):
/// an event from its raise to the orchestrator running again, then a timer from its due time to
/// the orchestrator running again. Raises and due times are spread over a window, so the
/// dispatcher is warm but not flooded, as it is between reviewers' clicks.
/// </summary>
public sealed class TimerAndEventLagBenchmark : IBenchmark
{
    private const string Orchestrator = "Lag";
    private const string EventName = "Go";
    private const double TargetP99Milliseconds = 2_000;

    public string Name => "timer and event lag p50/p99";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var time = TimeProvider.System;
        var samples = context.Mode.LagSamples;
        var spacing = context.Mode == BenchmarkMode.Full ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromMilliseconds(200);
        var raisedAt = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var eventLags = new ConcurrentBag<double>();
        var timerLags = new ConcurrentBag<double>();
        var waiting = 0;
        var finished = 0;
        var allWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<int, int>(Orchestrator, async (orchestration, delaySeconds) =>
        {
            if (!orchestration.IsReplaying && Interlocked.Increment(ref waiting) == samples)
            {
                allWaiting.TrySetResult();
            }

            await orchestration.WaitForExternalEvent<int>(EventName);
            if (!orchestration.IsReplaying)
            {
                eventLags.Add((time.GetUtcNow() - raisedAt[orchestration.InstanceId]).TotalMilliseconds);
            }

            var due = orchestration.CurrentUtcDateTime.AddSeconds(delaySeconds);
            await orchestration.CreateTimer(due, CancellationToken.None);
            if (!orchestration.IsReplaying)
            {
                timerLags.Add((time.GetUtcNow() - new DateTimeOffset(due, TimeSpan.Zero)).TotalMilliseconds);
                if (Interlocked.Increment(ref finished) == samples)
                {
                    allDone.TrySetResult();
                }
            }

            return delaySeconds;
        });

        var settings = new DurableTaskOptions();
        var backend = AzureStorageOrchestrationBackend.FromConnectionString(
            context.ConnectionString,
            new AzureStorageBackendOptions { TaskHubName = "lag" + Guid.NewGuid().ToString("N")[..8], PartitionCount = settings.PartitionCount });
        await using var worker = new DurableTaskWorker(backend, registry, settings.ApplyTo(new DurableTaskWorkerOptions()));
        await worker.StartAsync(cancellationToken);
        var client = new DurableTaskClient(backend);
        var ids = new string[samples];
        for (var i = 0; i < samples; i++)
        {
            ids[i] = await client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, 1 + (i * 7 % 10), cancellationToken: cancellationToken);
        }

        await allWaiting.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        foreach (var id in ids)
        {
            await Task.Delay(spacing, cancellationToken);
            raisedAt[id] = time.GetUtcNow();
            await client.RaiseEventAsync(id, EventName, 1, cancellationToken);
        }

        await allDone.Task.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
        await worker.StopAsync(cancellationToken);
        var eventP99 = Percentiles.Of(eventLags, 99);
        var timerP99 = Percentiles.Of(timerLags, 99);
        var worst = Math.Max(eventP99, timerP99);
        return
        [
            new BenchmarkResult(
                Name,
                worst,
                "ms (worse p99)",
                string.Create(CultureInfo.InvariantCulture, $"event p50 {Percentiles.Of(eventLags, 50):F0} / p99 {eventP99:F0} ms; timer p50 {Percentiles.Of(timerLags, 50):F0} / p99 {timerP99:F0} ms ({samples} each)"),
                string.Create(CultureInfo.InvariantCulture, $"idle polling {settings.MaxQueuePollingInterval.TotalSeconds:F0} s max (host.json); raw insert p50 {context.Baseline.InsertP50Milliseconds:F1} ms"),
                "p99 ≤ 2 s",
                context.Judge(worst <= TargetP99Milliseconds),
                "timers 1–10 s, raises spread " + spacing.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms apart; Azurite backend, warm worker"),
        ];
    }
}
