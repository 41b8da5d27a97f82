namespace GuanGong.Durable;

/// <summary>
/// Lets a process that enqueues wake its own dispatcher at once instead of waiting out the
/// idle polling back-off. Waiters take <see cref="WaitTask"/> before they look at the queues, so
/// a signal between the look and the wait is not lost.
/// </summary>
public sealed class DispatcherWakeup
{
    private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next <see cref="Signal"/>.</summary>
    public Task WaitTask => Volatile.Read(ref _current).Task;

    /// <summary>Wakes every current waiter.</summary>
    public void Signal() =>
        Interlocked.Exchange(ref _current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
