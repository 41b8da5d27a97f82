namespace GuanGong.Durable;

/// <summary>
/// Counts the storage requests made inside one work item (an episode or an activity call). The
/// count flows with the async call, so concurrent work items each see only their own requests.
/// </summary>
public static class StorageRequestScope
{
    private static readonly AsyncLocal<Counter?> CurrentCounter = new();

    /// <summary>Requests counted so far in the current scope (0 outside a scope).</summary>
    public static long Current => CurrentCounter.Value?.Count ?? 0;

    /// <summary>Starts counting for the current async flow.</summary>
    /// <returns>A handle that reads the count; disposing it ends the scope.</returns>
    public static Counter Begin()
    {
        var counter = new Counter(CurrentCounter.Value);
        CurrentCounter.Value = counter;
        return counter;
    }

    /// <summary>Adds one request to the current scope (called by the backend's pipeline policy).</summary>
    public static void Increment()
    {
        for (var counter = CurrentCounter.Value; counter is not null; counter = counter.Parent)
        {
            Interlocked.Increment(ref counter.CountField);
        }
    }

    /// <summary>One scope's count.</summary>
    public sealed class Counter : IDisposable
    {
        internal long CountField;

        internal Counter(Counter? parent) => Parent = parent;

        /// <summary>Requests counted in this scope.</summary>
        public long Count => Interlocked.Read(ref CountField);

        internal Counter? Parent { get; }

        /// <summary>Ends the scope.</summary>
        public void Dispose() => CurrentCounter.Value = Parent;
    }
}
