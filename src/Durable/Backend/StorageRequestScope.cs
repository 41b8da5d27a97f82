namespace GuanGong.Durable;

/// <summary>
/// Counts the storage requests made inside one work item (an episode or an activity call). The
/// count flows with the async call, so concurrent work items each see only their own requests;
/// nested scopes add to their parents too.
/// </summary>
public sealed class StorageRequestScope : IDisposable
{
    private static readonly AsyncLocal<StorageRequestScope?> CurrentScope = new();

    private readonly StorageRequestScope? _parent;
    private long _count;

    private StorageRequestScope(StorageRequestScope? parent) => _parent = parent;

    /// <summary>Requests counted so far in the innermost scope of the current async flow (0 outside a scope).</summary>
    public static long Current => CurrentScope.Value?.Count ?? 0;

    /// <summary>Requests counted in this scope.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Starts counting for the current async flow.</summary>
    /// <returns>The scope; disposing it stops counting.</returns>
    public static StorageRequestScope Begin()
    {
        var scope = new StorageRequestScope(CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>Adds one request to the current scope and its parents (called by the backend's pipeline policy).</summary>
    public static void Increment()
    {
        for (var scope = CurrentScope.Value; scope is not null; scope = scope._parent)
        {
            Interlocked.Increment(ref scope._count);
        }
    }

    /// <summary>Ends the scope.</summary>
    public void Dispose() => CurrentScope.Value = _parent;
}
