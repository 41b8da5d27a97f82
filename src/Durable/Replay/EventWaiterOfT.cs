namespace GuanGong.Durable;

internal sealed class EventWaiter<T> : EventWaiter
{
    private readonly TaskCompletionSource<T> _source = new();

    public Task<T> Task => _source.Task;

    public override void Complete(string? payload, DataConverter converter)
    {
        try
        {
            _source.TrySetResult(converter.Deserialize<T>(payload)!);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            _source.TrySetException(ex);
        }
    }

    public void Cancel(CancellationToken token) => _source.TrySetCanceled(token);
}
