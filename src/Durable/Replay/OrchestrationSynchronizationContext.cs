namespace GuanGong.Durable;

/// <summary>
/// Runs every orchestrator continuation on the one thread that is replaying the episode, in
/// order, so orchestrator code never runs concurrently with itself. A continuation posted from
/// another thread means the orchestrator awaited something that is not a durable task (a
/// Task.Delay, I/O, Task.Run): it is dropped and recorded, and the episode fails with a message
/// that says so.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _work = new();
    private readonly Lock _gate = new();
    private int _pumpThreadId = -1;

    public bool ForeignContinuationDetected { get; private set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            if (Environment.CurrentManagedThreadId == _pumpThreadId)
            {
                _work.Enqueue((d, state));
            }
            else
            {
                ForeignContinuationDetected = true;
            }
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Orchestrator code cannot block on synchronous sends.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> and then every continuation it causes, until none is left.</summary>
    public void Run(Action action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        lock (_gate)
        {
            _pumpThreadId = Environment.CurrentManagedThreadId;
        }

        try
        {
            action();
            while (TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            lock (_gate)
            {
                _pumpThreadId = -1;
            }

            SetSynchronizationContext(previous);
        }
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_gate)
        {
            return _work.TryDequeue(out item);
        }
    }
}
