using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GuanGong.Storage;

/// <summary>
/// A pipeline policy that counts storage requests by service and operation (<c>Table</c>/
/// <c>UpsertEntity</c>, <c>Blob</c>/<c>PutBlock</c>, …). Thread-safe; one counter may be shared by
/// many clients. Place it per retry (as <see cref="StorageClientOptions.RequestCounter"/> does) so
/// that every attempt counts: each one is a billed request.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    /// <summary>The <see cref="HttpMessage"/> property under which GuanGong clients tag a request with its operation.</summary>
    internal const string TagProperty = "GuanGong.Storage.Operation";

    private readonly ConcurrentDictionary<StorageOperationKey, StrongBox> _counts = new();

    /// <summary>Counts a request and passes it on.</summary>
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    /// <summary>Counts a request and passes it on.</summary>
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>The number of requests seen for one service and operation.</summary>
    public long Get(string service, string operation) =>
        _counts.TryGetValue(new StorageOperationKey(service, operation), out var box) ? Interlocked.Read(ref box.Value) : 0;

    /// <summary>The total number of requests seen.</summary>
    public long Total => _counts.Values.Sum(box => Interlocked.Read(ref box.Value));

    /// <summary>A consistent-enough copy of the counts (each entry read atomically).</summary>
    public StorageRequestCounts Snapshot() =>
        new(_counts
            .Select(pair => KeyValuePair.Create(pair.Key, Interlocked.Read(ref pair.Value.Value)))
            .Where(pair => pair.Value != 0)
            .ToDictionary());

    /// <summary>Sets every count back to zero.</summary>
    public void Reset()
    {
        // Zero the boxes rather than clearing the map: an increment racing with the reset then
        // lands in a box that stays counted instead of one that was just thrown away.
        foreach (var box in _counts.Values)
        {
            Interlocked.Exchange(ref box.Value, 0);
        }
    }

    private void Count(HttpMessage message)
    {
        var key = message.TryGetProperty(TagProperty, out var tag) && tag is StorageOperationKey tagged
            ? tagged
            : new StorageOperationKey("Unknown", message.Request.Method.Method);
        var box = _counts.GetOrAdd(key, static _ => new StrongBox());
        Interlocked.Increment(ref box.Value);
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
