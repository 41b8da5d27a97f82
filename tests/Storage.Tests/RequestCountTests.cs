using GuanGong.Storage.Tables;
using Xunit.Abstractions;

namespace GuanGong.Storage.Tests;

/// <summary>The request counts the engine's cost figures start from.</summary>
public sealed class RequestCountTests(ITestOutputHelper output)
{
    [Fact]
    public async Task UpsertEntityAsync_Single_IsOneRequest()
    {
        var (table, counter) = await TestStorage.NewTableAsync();

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        output.WriteLine($"single upsert: {counter.Snapshot()}");
        Assert.Equal(1, counter.Total);
    }

    [Fact]
    public async Task SubmitTransactionAsync_100Entities_IsOneRequest()
    {
        var (table, counter) = await TestStorage.NewTableAsync();

        await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", i.ToString("D3")))));

        output.WriteLine($"100-entity batch: {counter.Snapshot()}");
        Assert.Equal(1, counter.Total);
    }

    [Fact]
    public async Task UploadAsync_10MB_IsThreeBlocksAndOneCommit()
    {
        var (container, counter) = await TestStorage.NewContainerAsync();

        await container.GetBlobClient("ten.bin").UploadAsync(new GeneratedStream(10L * 1024 * 1024));

        output.WriteLine($"10 MiB upload (4 MiB threshold, 4 MiB blocks): {counter.Snapshot()}");
        Assert.Equal(3, counter.Get("Blob", "PutBlock"));
        Assert.Equal(1, counter.Get("Blob", "PutBlockList"));
        Assert.Equal(4, counter.Total);
    }
}
