using GuanGong.Storage.Blobs;
using GuanGong.Storage.Queues;
using GuanGong.Storage.Tables;
using GuanGong.Testing;

namespace GuanGong.Storage.Tests;

/// <summary>Clients against the shared Azurite, each with its own request counter and fast retries.</summary>
internal static class TestStorage
{
    public static async Task<StorageAccount> AccountAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        return StorageAccount.Parse(azurite.Endpoints.ConnectionString);
    }

    public static T Configure<T>(T options, StorageRequestCounter counter)
        where T : StorageClientOptions
    {
        options.RequestCounter = counter;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }

    public static async Task<(TableClient Table, StorageRequestCounter Counter)> NewTableAsync(bool create = true)
    {
        var counter = new StorageRequestCounter();
        var service = new TableServiceClient(await AccountAsync(), Configure(new TableClientOptions(), counter));
        var table = service.GetTableClient(SharedAzurite.UniqueName("t"));
        if (create)
        {
            await table.CreateIfNotExistsAsync();
            counter.Reset();
        }

        return (table, counter);
    }

    public static async Task<(QueueClient Queue, StorageRequestCounter Counter)> NewQueueAsync(bool create = true, QueueClientOptions? options = null)
    {
        var counter = new StorageRequestCounter();
        var service = new QueueServiceClient(await AccountAsync(), Configure(options ?? new QueueClientOptions(), counter));
        var queue = service.GetQueueClient(SharedAzurite.UniqueName("q"));
        if (create)
        {
            await queue.CreateIfNotExistsAsync();
            counter.Reset();
        }

        return (queue, counter);
    }

    public static async Task<(BlobContainerClient Container, StorageRequestCounter Counter)> NewContainerAsync(bool create = true, BlobClientOptions? options = null)
    {
        var counter = new StorageRequestCounter();
        var service = new BlobServiceClient(await AccountAsync(), Configure(options ?? new BlobClientOptions(), counter));
        var container = service.GetBlobContainerClient(SharedAzurite.UniqueName("c"));
        if (create)
        {
            await container.CreateIfNotExistsAsync();
            counter.Reset();
        }

        return (container, counter);
    }
}
