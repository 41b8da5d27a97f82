using Azure.Core;
using Azure.Core.Pipeline;

namespace GuanGong.Durable.AzureStorage;

/// <summary>Adds every storage request (each retry included) to the current <see cref="StorageRequestScope"/>.</summary>
internal sealed class WorkItemRequestPolicy : HttpPipelineSynchronousPolicy
{
    public static WorkItemRequestPolicy Instance { get; } = new();

    public override void OnSendingRequest(HttpMessage message) => StorageRequestScope.Increment();
}
