namespace GuanGong.Durable;

/// <summary>How a worker dispatches work. Defaults follow Durable Functions' Azure Storage provider.</summary>
public sealed class DurableTaskWorkerOptions
{
    /// <summary>Episodes run at once by this worker (default 100).</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 100;

    /// <summary>Activities run at once by this worker (default 10).</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10;

    /// <summary>The longest idle wait between polls of an empty queue (default 30 s); idle polling backs off up to this.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long nothing must have been found on any queue before idle queues take turns (default
    /// 30 s). Once every queue has also backed off to <see cref="MaxQueuePollingInterval"/>, the
    /// dispatcher polls one queue per interval, round-robin, instead of every queue per interval:
    /// idle cost no longer grows with the partition count. Messages this process sends still wake
    /// it at once; a message from another process then waits up to one round (queues × interval),
    /// after which every queue is back to its own interval.
    /// </summary>
    public TimeSpan IdleQueuesTakeTurnsAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first idle wait after a queue turns up empty (default 50 ms).</summary>
    public TimeSpan MinQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a received message stays hidden while it is processed (default 5 minutes).</summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Deliveries after which a message is poison: moved to the poison queue and its instance failed (default 5).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Control messages fetched per poll (1 to 32).</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>
    /// Runs activities inside the episode that scheduled them when this worker has them registered
    /// (default false), like Temporal's local activities: the episode runs them, records their
    /// results, runs the orchestrator again, and repeats until the orchestrator waits on something
    /// else or finishes; then it writes one checkpoint. An activity round trip then costs no queue
    /// messages and no extra episode. Execution stays at-least-once (a crash before the checkpoint
    /// runs them again on the message's redelivery) and a process-crashing activity poisons the
    /// orchestration message after <see cref="MaxDequeueCount"/> deliveries.
    /// </summary>
    public bool LocalActivities { get; set; }

    /// <summary>With <see cref="LocalActivities"/>: batches of activities one episode runs before it queues the rest (default 16), so one instance cannot hog a work item.</summary>
    public int LocalActivityMaxRounds { get; set; } = 16;

    /// <summary>
    /// With <see cref="LocalActivities"/>: after this much engine-clock time (default 10 s) an episode
    /// stops starting local activities and queues further calls. It is checked between rounds, and
    /// it also bounds how long the episode's control queue waits: its dispatcher loop polls again
    /// once the batch it took is done.
    /// </summary>
    public TimeSpan LocalActivityTimeLimit { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Serializes inputs, outputs, events and custom status.</summary>
    public DataConverter DataConverter { get; set; } = JsonDataConverter.Default;

    /// <summary>The engine clock: episode time, timer due times, message delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The clock for idle polling waits only (wall time by default, so a frozen test clock cannot stall polling).</summary>
    public TimeProvider PollingTimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Called at each checkpoint step with the instance id; a throw there behaves like a crash at that point (for tests).</summary>
    public Func<CheckpointStep, string, ValueTask>? FaultInjector { get; set; }
}
