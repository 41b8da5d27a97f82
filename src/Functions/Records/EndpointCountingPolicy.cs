using Azure.Core;
using Azure.Core.Pipeline;

namespace GuanGong.Functions.Records;

/// <summary>
/// Counts the requests of storage clients the app does not build itself — the Durable engine's, which are DTFx's —
/// in a <see cref="StorageRequestCounter"/>, by the same operation names as the app's own: the service is told from
/// the request's endpoint (the connection string's blob, queue and table endpoints). The tests and the benchmarks
/// put it on the engine's clients.
/// </summary>
public sealed class EndpointCountingPolicy : HttpPipelinePolicy
{
    private readonly (string Authority, HttpPipelinePolicy Policy)[] _byEndpoint;

    public EndpointCountingPolicy(StorageRequestCounter counter, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        _byEndpoint =
        [
            .. new[] { ("BlobEndpoint", "Blob"), ("QueueEndpoint", "Queue"), ("TableEndpoint", "Table") }
                .Where(e => parts.ContainsKey(e.Item1))
                .Select(e => (new Uri(parts[e.Item1]).Authority, counter.PolicyFor(e.Item2))),
        ];
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (PolicyOf(message) is { } policy)
        {
            policy.Process(message, pipeline);
        }
        else
        {
            ProcessNext(message, pipeline);
        }
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        PolicyOf(message)?.ProcessAsync(message, pipeline) ?? ProcessNextAsync(message, pipeline);

    private HttpPipelinePolicy? PolicyOf(HttpMessage message)
    {
        var authority = message.Request.Uri.ToUri().Authority;
        return _byEndpoint.FirstOrDefault(e => string.Equals(e.Authority, authority, StringComparison.OrdinalIgnoreCase)).Policy;
    }
}
