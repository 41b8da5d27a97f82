namespace GuanGong.Durable;

/// <summary>
/// Keeps a message that has come back (dequeue count above 1) away from every other message. A
/// worker that dies mid-work returns all the messages it held to their queues with one more
/// delivery counted, so without this a message that kills its worker every time would take the
/// messages running beside it to the poison limit too, failing cases that did nothing wrong. With
/// it, a returned message runs alone: if it kills the worker again, only its own count grows.
/// First deliveries share the gate freely; a returned one waits until they are done, and first
/// deliveries arriving meanwhile wait behind it (so it cannot starve).
/// </summary>
public sealed class RedeliveryGate
{
    // Shared holders take one permit; an exclusive holder takes all of them. The mutex lets one
    // exclusive holder gather permits at a time, so two cannot each hold half and wait forever.
    private readonly SemaphoreSlim _permits;
    private readonly SemaphoreSlim _exclusive = new(1, 1);
    private readonly int _capacity;

    /// <summary>A gate for at most <paramref name="capacity"/> first deliveries at once (the worker's episode and activity slots together).</summary>
    /// <param name="capacity">How many shared holders may be inside at once.</param>
    public RedeliveryGate(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _permits = new SemaphoreSlim(capacity, capacity);
    }

    // A message delivered more than once must run alone.
    private static bool IsRedelivery(long dequeueCount) => dequeueCount > 1;

    /// <summary>Enters for work whose messages were delivered <paramref name="maxDequeueCount"/> times at most; dispose to leave.</summary>
    /// <param name="maxDequeueCount">The highest delivery count among the work's messages.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lease; dispose it when the work is done.</returns>
    public async ValueTask<IDisposable> EnterAsync(long maxDequeueCount, CancellationToken cancellationToken)
    {
        if (!IsRedelivery(maxDequeueCount))
        {
            // Behind a waiting exclusive holder: take and release the mutex first, so a stream of
            // first deliveries cannot keep a returned message waiting forever.
            await _exclusive.WaitAsync(cancellationToken).ConfigureAwait(false);
            _exclusive.Release();
            await _permits.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new Lease(this, 1);
        }

        await _exclusive.WaitAsync(cancellationToken).ConfigureAwait(false);
        var taken = 0;
        try
        {
            for (; taken < _capacity; taken++)
            {
                await _permits.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            if (taken > 0)
            {
                _permits.Release(taken);
            }

            _exclusive.Release();
            throw;
        }

        _exclusive.Release();
        return new Lease(this, _capacity);
    }

    private sealed class Lease(RedeliveryGate gate, int permits) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate._permits.Release(permits);
            }
        }
    }
}
