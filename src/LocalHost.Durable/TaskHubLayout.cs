using DurableTask.AzureStorage;

namespace GuanGong.LocalHost.Durable;

/// <summary>The storage a task hub holds: tables, queues and blob containers whose names start with the hub's name.</summary>
/// <param name="Tables">Table names (<c>{hub}History</c>, <c>{hub}Instances</c>, <c>{hub}Partitions</c>).</param>
/// <param name="Queues">Queue names (<c>{hub}-control-NN</c>, <c>{hub}-workitems</c>).</param>
/// <param name="Containers">Blob containers (<c>{hub}-applease</c>; <c>{hub}-leases</c> only with blob partition management; <c>{hub}-largemessages</c> once a payload is large).</param>
public sealed record TaskHubLayout(IReadOnlyList<string> Tables, IReadOnlyList<string> Queues, IReadOnlyList<string> Containers)
{
    internal static async Task<TaskHubLayout> ReadAsync(StorageAccountClientProvider storage, string hub, CancellationToken cancellationToken)
    {
        var lower = hub.ToLowerInvariant();
        var tableService = storage.Table.CreateClient(storage.Table.CreateOptions());
        var tables = new List<string>();
        await foreach (var table in tableService.QueryAsync(cancellationToken: cancellationToken))
        {
            if (table.Name.StartsWith(hub, StringComparison.OrdinalIgnoreCase))
            {
                tables.Add(table.Name);
            }
        }

        var queueService = storage.Queue.CreateClient(storage.Queue.CreateOptions());
        var queues = new List<string>();
        await foreach (var queue in queueService.GetQueuesAsync(prefix: lower, cancellationToken: cancellationToken))
        {
            queues.Add(queue.Name);
        }

        var blobService = storage.Blob.CreateClient(storage.Blob.CreateOptions());
        var containers = new List<string>();
        await foreach (var container in blobService.GetBlobContainersAsync(prefix: lower, cancellationToken: cancellationToken))
        {
            containers.Add(container.Name);
        }

        tables.Sort(StringComparer.Ordinal);
        queues.Sort(StringComparer.Ordinal);
        containers.Sort(StringComparer.Ordinal);
        return new TaskHubLayout(tables, queues, containers);
    }
}
