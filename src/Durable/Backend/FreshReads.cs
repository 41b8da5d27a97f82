namespace GuanGong.Durable;

/// <summary>
/// Marks reads in the current async flow that must come from storage rather than from a
/// backend's in-process history cache: a client's view has to include what other processes wrote,
/// while an episode can rely on its checkpoint's ETag to catch a stale cache.
/// </summary>
internal static class FreshReads
{
    private static readonly AsyncLocal<bool> RequiredHere = new();

    /// <summary>True when the current flow asked for storage reads.</summary>
    public static bool Required => RequiredHere.Value;

    /// <summary>Asks for storage reads until the returned scope is disposed.</summary>
    /// <returns>The scope.</returns>
    public static Scope Require()
    {
        var previous = RequiredHere.Value;
        RequiredHere.Value = true;
        return new Scope(previous);
    }

    /// <summary>Restores the previous setting when disposed.</summary>
    public readonly struct Scope(bool previous) : IDisposable
    {
        /// <summary>Restores the previous setting.</summary>
        public void Dispose() => RequiredHere.Value = previous;
    }
}
