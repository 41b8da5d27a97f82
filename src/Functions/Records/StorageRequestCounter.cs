using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GuanGong.Functions.Records;

/// <summary>
/// Counts storage requests by service and REST operation (<c>Table</c>/<c>InsertEntity</c>,
/// <c>Blob</c>/<c>PutBlock</c>, …) for the benchmarks' cost figures and the hot-path tests. One
/// counter is shared by all of the app's clients: each client's options get the
/// <see cref="PolicyFor"/> policy of its service, placed per retry, because every attempt is a
/// billed request. The operation is read from the HTTP request itself
/// (<see cref="StorageOperations"/>), so it does not depend on which client library sent it.
/// </summary>
public sealed class StorageRequestCounter
{
    private readonly ConcurrentDictionary<StorageOperationKey, StrongBox> _counts = new();

    /// <summary>The total number of requests seen.</summary>
    public long Total => _counts.Values.Sum(box => Interlocked.Read(ref box.Value));

    /// <summary>A pipeline policy that counts the requests of one service (<c>Table</c>, <c>Queue</c> or <c>Blob</c>) here.</summary>
    public HttpPipelinePolicy PolicyFor(string service) => new CountingPolicy(this, service);

    /// <summary>The number of requests seen for one service and operation.</summary>
    public long Get(string service, string operation) =>
        _counts.TryGetValue(new StorageOperationKey(service, operation), out var box) ? Interlocked.Read(ref box.Value) : 0;

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

    private void Count(string service, Request request)
    {
        var key = new StorageOperationKey(service, StorageOperations.Classify(service, request.Method, request.Uri.ToUri(), request.Headers.Contains("If-Match")));
        var box = _counts.GetOrAdd(key, static _ => new StrongBox());
        Interlocked.Increment(ref box.Value);
    }

    private sealed class StrongBox
    {
        public long Value;
    }

    private sealed class CountingPolicy(StorageRequestCounter counter, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service, message.Request);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service, message.Request);
            return ProcessNextAsync(message, pipeline);
        }
    }
}
