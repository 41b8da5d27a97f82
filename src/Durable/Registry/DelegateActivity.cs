namespace GuanGong.Durable;

internal sealed class DelegateActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> run) : ITaskActivity
{
    public Type InputType => typeof(TInput);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input) => await run(context, (TInput)input!).ConfigureAwait(false);
}
