namespace GuanGong.Functions.ReferenceData;

/// <summary>
/// Keeps reference data that nearly every request reads and that changes rarely (campaign records,
/// stored templates, the holiday calendar) in this process. An entry is served for at most
/// <see cref="MaxAge"/> after the read that produced it began, so a change made through another host
/// shows here within that bound; this host's own writes call <see cref="Invalidate"/> and show at once.
/// </summary>
/// <remarks>
/// A read that overlaps an invalidation is returned to its caller but not kept: otherwise a slow read
/// that began before a write could put the old value back after the write invalidated it. Missing
/// values (null) are kept too, for the same bound, so a burst of requests for an unknown key costs one
/// read per bound; the cache empties itself past <see cref="MaxEntries"/> so such keys cannot grow it
/// without limit.
/// </remarks>
public sealed class ReferenceCache<TKey, TValue>(TimeProvider time, TimeSpan maxAge)
    where TKey : notnull
{
    public const int MaxEntries = 1024;

    private readonly Dictionary<TKey, Entry> _entries = [];
    private readonly Lock _gate = new();
    private long _generation;

    public TimeSpan MaxAge => maxAge;

    /// <summary>The cached value of <paramref name="key"/> if it is younger than <see cref="MaxAge"/>, else what <paramref name="load"/> reads now.</summary>
    public async Task<TValue> GetAsync(TKey key, Func<CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = time.GetUtcNow();
        long generation;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && now >= entry.ReadAt && now - entry.ReadAt < maxAge)
            {
                return entry.Value;
            }

            generation = _generation;
        }

        var value = await load(cancellationToken);
        lock (_gate)
        {
            if (generation == _generation && maxAge > TimeSpan.Zero)
            {
                if (_entries.Count >= MaxEntries)
                {
                    _entries.Clear();
                }

                _entries[key] = new Entry(value, now);
            }
        }

        return value;
    }

    /// <summary>Forgets <paramref name="key"/> (and any read of it in flight), after this host changed it.</summary>
    public void Invalidate(TKey key)
    {
        lock (_gate)
        {
            _generation++;
            _entries.Remove(key);
        }
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _generation++;
            _entries.Clear();
        }
    }

    private sealed record Entry(TValue Value, DateTimeOffset ReadAt);
}
