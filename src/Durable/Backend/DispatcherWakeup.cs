namespace GuanGong.Durable;

/// <summary>
/// Lets a process that enqueues wake its own dispatcher at once instead of waiting out the
/// idle polling back-off. Waiters take <see cref="WaitTask"/> before they look at the queues, so
/// a signal between the look and the wait is not lost.
/// </summary>
public sealed class DispatcherWakeup
{
    // Set by a dispatcher around its own sends: it knows the message's queue and wakes only that loop.
    private static readonly AsyncLocal<Action?> Redirected = new();

    private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Until the returned scope is disposed, a <see cref="Signal"/> raised on this async flow (by a
    /// backend sending a message the caller passed it) calls <paramref name="signal"/> instead of
    /// waking every waiter.
    /// </summary>
    /// <param name="signal">What to do instead.</param>
    /// <returns>The scope.</returns>
    public static IDisposable Redirect(Action signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var scope = new RedirectScope(Redirected.Value);
        Redirected.Value = signal;
        return scope;
    }

    /// <summary>A task that completes at the next <see cref="Signal"/>.</summary>
    public Task WaitTask => Volatile.Read(ref _current).Task;

    /// <summary>Wakes every current waiter (or, inside <see cref="Redirect"/>, only what the sender asked for).</summary>
    public void Signal()
    {
        if (Redirected.Value is { } redirect)
        {
            redirect();
            return;
        }

        Interlocked.Exchange(ref _current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private sealed class RedirectScope(Action? previous) : IDisposable
    {
        public void Dispose() => Redirected.Value = previous;
    }
}
