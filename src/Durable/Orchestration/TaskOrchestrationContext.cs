using Microsoft.Extensions.Logging;

namespace GuanGong.Durable;

/// <summary>
/// What an orchestrator sees of the world. Every method here is replay-safe: the engine records
/// each call in history, and when the orchestrator runs again (after a restart, or for the next
/// episode) the recorded results are handed back instead of doing the work again.
/// </summary>
/// <remarks>
/// Orchestrator code must be deterministic: given the same history it must make the same calls,
/// in the same order, with the same names. Use <see cref="CurrentUtcDateTime"/> instead of the
/// clock, <see cref="NewGuid"/> instead of <see cref="Guid.NewGuid"/>, and await only the tasks
/// this context returns; do I/O in activities.
/// </remarks>
public abstract class TaskOrchestrationContext
{
    /// <summary>The orchestrator name.</summary>
    public abstract string Name { get; }

    /// <summary>The orchestrator version this instance is pinned to (empty when unversioned).</summary>
    public abstract string Version { get; }

    /// <summary>The instance id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The current time as recorded for this episode (the same on every replay).</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the orchestrator is re-running recorded history rather than making progress.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The orchestration input.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <returns>The deserialized input.</returns>
    public abstract T? GetInput<T>();

    /// <summary>Calls an activity and returns its result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="input">The activity input.</param>
    /// <param name="options">Retry options.</param>
    /// <returns>The activity result; throws <see cref="TaskFailedException"/> when it failed.</returns>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Calls an activity that returns nothing.</summary>
    /// <param name="name">The activity name.</param>
    /// <param name="input">The activity input.</param>
    /// <param name="options">Retry options.</param>
    /// <returns>A task that completes when the activity does.</returns>
    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>Runs another orchestration as a child and returns its output.</summary>
    /// <typeparam name="TResult">The output type.</typeparam>
    /// <param name="orchestratorName">The child orchestrator name.</param>
    /// <param name="input">The child's input.</param>
    /// <param name="options">Instance id, version and retry options.</param>
    /// <returns>The child's output; throws <see cref="TaskFailedException"/> when it failed.</returns>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>Runs another orchestration as a child.</summary>
    /// <param name="orchestratorName">The child orchestrator name.</param>
    /// <param name="input">The child's input.</param>
    /// <param name="options">Instance id, version and retry options.</param>
    /// <returns>A task that completes when the child does.</returns>
    public Task CallSubOrchestratorAsync(string orchestratorName, object? input = null, TaskOptions? options = null) =>
        CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    /// <summary>A durable timer that fires at <paramref name="fireAt"/> (any distance in the future).</summary>
    /// <param name="fireAt">When the timer is due (UTC).</param>
    /// <param name="cancellationToken">Cancels the wait (the task becomes cancelled).</param>
    /// <returns>A task that completes when the timer fires.</returns>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>A durable timer that fires after <paramref name="delay"/>.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the timer fires.</returns>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Waits for an external event (name matched case-insensitively; an event that arrived earlier is taken at once).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="eventName">The event name.</param>
    /// <param name="cancellationToken">Cancels the wait (the task becomes cancelled).</param>
    /// <returns>The payload.</returns>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an external event, racing a durable timer; on timeout the task is cancelled (<see cref="TaskCanceledException"/>).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="eventName">The event name.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The payload.</returns>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Sends an external event to another instance (fire and forget; delivered exactly once into its history).</summary>
    /// <param name="instanceId">The receiving instance.</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="payload">The payload.</param>
    public abstract void SendEvent(string instanceId, string eventName, object? payload);

    /// <summary>Publishes a status value that clients can read while the instance runs.</summary>
    /// <param name="customStatus">The status (serialized with the data converter), or null to clear it.</param>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Ends this execution and starts a fresh one with an empty history and <paramref name="newInput"/>.</summary>
    /// <param name="newInput">The input of the next execution.</param>
    /// <param name="preserveUnprocessedEvents">Carry external events not yet awaited over to the next execution.</param>
    public abstract void ContinueAsNew(object? newInput, bool preserveUnprocessedEvents = true);

    /// <summary>A deterministic GUID (name-based, from the instance id, the episode time and a counter).</summary>
    /// <returns>The same GUID on every replay.</returns>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes only when the orchestrator is not replaying.</summary>
    /// <param name="categoryName">The log category.</param>
    /// <returns>The logger.</returns>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    /// <summary>A logger that writes only when the orchestrator is not replaying.</summary>
    /// <typeparam name="T">The type whose name is the category.</typeparam>
    /// <returns>The logger.</returns>
    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);
}
