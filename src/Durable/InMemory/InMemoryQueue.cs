namespace GuanGong.Durable;

/// <summary>A queue with Azure Queue semantics (visibility timeouts, dequeue counts, pop receipts) on an injected clock.</summary>
internal sealed class InMemoryQueue(string name)
{
    private readonly List<Entry> _entries = [];
    private long _sequence;

    public string Name { get; } = name;

    public int Count => _entries.Count;

    /// <summary>The earliest time a hidden message becomes visible, or null when none is hidden.</summary>
    public DateTimeOffset? NextVisibleAt(DateTimeOffset now) =>
        _entries.Where(e => e.VisibleAt > now).Select(e => (DateTimeOffset?)e.VisibleAt).Min();

    public void Add(string text, DateTimeOffset visibleAt) =>
        _entries.Add(new Entry(Interlocked.Increment(ref _sequence), text) { VisibleAt = visibleAt });

    public List<(string Text, long DequeueCount, InMemoryReceipt Receipt)> Receive(int maxCount, DateTimeOffset now, TimeSpan visibilityTimeout)
    {
        var result = new List<(string, long, InMemoryReceipt)>();
        foreach (var entry in _entries.Where(e => e.VisibleAt <= now).OrderBy(e => e.VisibleAt).ThenBy(e => e.Id).Take(maxCount).ToList())
        {
            entry.DequeueCount++;
            entry.PopReceipt = Guid.NewGuid();
            entry.VisibleAt = now + visibilityTimeout;
            result.Add((entry.Text, entry.DequeueCount, new InMemoryReceipt(this, entry.Id, entry.PopReceipt)));
        }

        return result;
    }

    public InMemoryReceipt? Renew(InMemoryReceipt receipt, DateTimeOffset visibleAt)
    {
        var entry = _entries.Find(e => e.Id == receipt.Id && e.PopReceipt == receipt.PopReceipt);
        if (entry is null)
        {
            return null;
        }

        entry.PopReceipt = Guid.NewGuid();
        entry.VisibleAt = visibleAt;
        return receipt with { PopReceipt = entry.PopReceipt };
    }

    public bool Delete(long id, Guid popReceipt) => _entries.RemoveAll(e => e.Id == id && e.PopReceipt == popReceipt) > 0;

    public IReadOnlyList<string> Peek() => [.. _entries.Select(e => e.Text)];

    private sealed class Entry(long id, string text)
    {
        public long Id { get; } = id;

        public string Text { get; } = text;

        public DateTimeOffset VisibleAt { get; set; }

        public long DequeueCount { get; set; }

        public Guid PopReceipt { get; set; }
    }
}
