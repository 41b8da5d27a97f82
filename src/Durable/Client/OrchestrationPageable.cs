using Azure;

namespace GuanGong.Durable;

/// <summary>Pages through an instance query lazily, one backend request per page.</summary>
internal sealed class OrchestrationPageable(IOrchestrationBackend backend, OrchestrationQuery query, DataConverter converter) : AsyncPageable<OrchestrationMetadata>
{
    public override async IAsyncEnumerable<Page<OrchestrationMetadata>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var next = continuationToken ?? query.ContinuationToken;
        do
        {
            var page = await backend.QueryInstancesAsync(query with { ContinuationToken = next, PageSize = pageSizeHint ?? query.PageSize }, CancellationToken).ConfigureAwait(false);
            next = page.ContinuationToken;
            yield return Page<OrchestrationMetadata>.FromValues(
                [.. page.Instances.Select(r => new OrchestrationMetadata(r, query.FetchInputsAndOutputs, converter))],
                next,
                new EmptyResponse());
        }
        while (next is not null);
    }
}
