namespace GuanGong.Durable;

internal sealed class OpenTask<T>(string name, int taskId) : OpenTask(name, taskId)
{
    // Continuations run inline on the replay thread: the synchronization context orders them.
    private readonly TaskCompletionSource<T> _source = new();

    public Task<T> Task => _source.Task;

    public override void Complete(string? result, DataConverter converter)
    {
        T value;
        try
        {
            value = converter.Deserialize<T>(result)!;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            _source.TrySetException(ex);
            return;
        }

        _source.TrySetResult(value);
    }

    public override void Fail(TaskFailureDetails details) => _source.TrySetException(new TaskFailedException(Name, TaskId, details));

    public override void Cancel(CancellationToken token) => _source.TrySetCanceled(token);
}
