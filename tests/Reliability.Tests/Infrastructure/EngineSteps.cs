using System.Collections.Concurrent;
using Azure.Storage.Queues;
using DurableTask.Core;
using DurableTask.Core.History;
using GuanGong.LocalHost.Durable;

namespace GuanGong.Reliability.Tests.Infrastructure;

/// <summary>
/// What the Durable engine of an in-process app does, observed in its dispatcher middleware: every
/// activity and orchestration episode, and how many are running. "Nothing happened" checks wait for
/// the engine to be quiet (nothing running, nothing queued) instead of sleeping.
/// </summary>
internal sealed class EngineSteps
{
    private readonly ConcurrentQueue<string> _done = new();
    private int _running;

    /// <summary>Finished steps, in order: "activity {instance} {name}" or "episode {instance}".</summary>
    public IReadOnlyCollection<string> Done => _done;

    public void AttachTo(DurableEngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        engine.ActivityMiddleware.Add(async (context, next) =>
        {
            Interlocked.Increment(ref _running);
            try
            {
                await next();
                _done.Enqueue($"activity {context.GetProperty<OrchestrationInstance>()?.InstanceId} {context.GetProperty<TaskScheduledEvent>()?.Name}");
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        });
        engine.OrchestrationMiddleware.Add(async (context, next) =>
        {
            Interlocked.Increment(ref _running);
            try
            {
                await next();
                _done.Enqueue($"episode {context.GetProperty<OrchestrationRuntimeState>()?.OrchestrationInstance?.InstanceId}");
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        });
    }

    /// <summary>
    /// Waits until the engine is quiet: no step running and no message in the hub's queues (the approximate
    /// count includes invisible, in-flight messages), seen on two reads in a row.
    /// </summary>
    public async Task WaitForQuietAsync(string connectionString, string hubName, TimeSpan? timeout = null)
    {
        var queues = new QueueServiceClient(connectionString);
        var prefix = hubName.ToLowerInvariant() + "-";
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var quietReads = 0;
        while (quietReads < 2)
        {
            var pending = 0;
            await foreach (var queue in queues.GetQueuesAsync(prefix: prefix))
            {
                pending += (await queues.GetQueueClient(queue.Name).GetPropertiesAsync()).Value.ApproximateMessagesCount;
            }

            quietReads = pending == 0 && Volatile.Read(ref _running) == 0 ? quietReads + 1 : 0;
            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"The engine of hub {hubName} did not go quiet: {pending} queued messages, {Volatile.Read(ref _running)} steps running.");
            }

            await Task.Delay(100);
        }
    }
}
