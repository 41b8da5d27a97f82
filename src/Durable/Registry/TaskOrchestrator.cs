namespace GuanGong.Durable;

/// <summary>
/// Base class for a class-based orchestrator. A new instance is created for every episode, so
/// fields do not survive between episodes: state lives in local variables that replay rebuilds.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
/// <remarks>
/// The engine re-runs the orchestrator from the start whenever it has new events, feeding back
/// recorded results. Code must therefore be deterministic: same history, same calls in the same order.
/// </remarks>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <inheritdoc />
    public Type InputType => typeof(TInput);

    /// <summary>Runs the orchestration.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="input">The input.</param>
    /// <returns>The output.</returns>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) => await RunAsync(context, (TInput)input!);
}
