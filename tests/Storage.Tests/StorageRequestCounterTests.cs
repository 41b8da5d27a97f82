using GuanGong.Storage.Tables;

namespace GuanGong.Storage.Tests;

public sealed class StorageRequestCounterTests
{
    [Fact]
    public async Task Counter_ConcurrentRequests_CountsEveryOne()
    {
        var counter = new StorageRequestCounter();
        var transport = new FakeTransport(204);
        var table = new TableServiceClient(StorageAccount.DevelopmentStorage, new TableClientOptions { Transport = transport, RequestCounter = counter }).GetTableClient("orders");

        await Parallel.ForAsync(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            await table.UpsertEntityAsync(new TableEntity("p", i.ToString()), cancellationToken: ct);
            if (i % 10 == 0)
            {
                await table.DeleteEntityAsync("p", i.ToString(), cancellationToken: ct);
            }
        });
        var snapshot = counter.Snapshot();

        Assert.Equal(1000, snapshot["Table", "UpsertEntity"]);
        Assert.Equal(100, snapshot["Table", "DeleteEntity"]);
        Assert.Equal(1100, snapshot.Total);
        Assert.Equal(1100, snapshot.ForService("Table"));
        Assert.Equal("Table.DeleteEntity=100 Table.UpsertEntity=1000", snapshot.ToString());
    }

    [Fact]
    public async Task Reset_AfterRequests_StartsFromZeroAndOldSnapshotKeepsItsValues()
    {
        var counter = new StorageRequestCounter();
        var table = new TableServiceClient(StorageAccount.DevelopmentStorage, new TableClientOptions { Transport = new FakeTransport(204), RequestCounter = counter }).GetTableClient("orders");
        await table.UpsertEntityAsync(new TableEntity("p", "r"));
        var before = counter.Snapshot();

        counter.Reset();
        await table.DeleteEntityAsync("p", "r");

        Assert.Equal(1, before.Total);
        Assert.Equal(0, counter.Get("Table", "UpsertEntity"));
        Assert.Equal(1, counter.Get("Table", "DeleteEntity"));
        Assert.Equal(1, counter.Total);
    }
}
