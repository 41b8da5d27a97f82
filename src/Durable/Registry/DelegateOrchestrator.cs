namespace GuanGong.Durable;

internal sealed class DelegateOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) : ITaskOrchestrator
{
    public Type InputType => typeof(TInput);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input) => await run(context, (TInput)input!);
}
