namespace GuanGong.Durable;

/// <summary>Base class for a class-based activity (created from the service provider for each call).</summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The result type.</typeparam>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    /// <inheritdoc />
    public Type InputType => typeof(TInput);

    /// <summary>Runs the activity.</summary>
    /// <param name="context">The activity context.</param>
    /// <param name="input">The input.</param>
    /// <returns>The result.</returns>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) => await RunAsync(context, (TInput)input!).ConfigureAwait(false);
}
