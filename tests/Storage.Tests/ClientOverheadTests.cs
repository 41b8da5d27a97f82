using System.Diagnostics;
using GuanGong.Storage.Blobs;
using GuanGong.Storage.Queues;
using GuanGong.Storage.Tables;
using Xunit.Abstractions;

namespace GuanGong.Storage.Tests;

/// <summary>
/// The clients' own cost per request, with the network taken out (a fake transport): what the
/// engine pays on top of the service for every one of its thousands of operations.
/// </summary>
[Collection(nameof(Blobs.LargeUploadTests))]
public sealed class ClientOverheadTests(ITestOutputHelper output)
{
    private const int Iterations = 20_000;

    [Fact]
    public async Task UpsertEntityAsync_PerRequestOverhead_IsSmall()
    {
        var table = new TableServiceClient(StorageAccount.DevelopmentStorage, new TableClientOptions { Transport = new FakeTransport(204, record: false) }).GetTableClient("orders");
        var entity = new TableEntity("partition", "row") { ["Name"] = "value", ["Count"] = 42L, ["When"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        var (microseconds, bytes) = await MeasureAsync(() => table.UpsertEntityAsync(entity));

        output.WriteLine($"UpsertEntity: {microseconds:F1} µs and {bytes:N0} bytes allocated per request (fake transport)");
        Assert.True(bytes < 16 * 1024, $"{bytes} bytes per upsert");
    }

    [Fact]
    public async Task SendMessageAsync_PerRequestOverhead_IsSmall()
    {
        var queue = new QueueServiceClient(StorageAccount.DevelopmentStorage, new QueueClientOptions { Transport = new FakeTransport(204, record: false) }).GetQueueClient("work");

        var (microseconds, bytes) = await MeasureAsync(() => queue.DeleteMessageAsync("id", "receipt"));

        output.WriteLine($"DeleteMessage: {microseconds:F1} µs and {bytes:N0} bytes allocated per request (fake transport)");
        Assert.True(bytes < 16 * 1024, $"{bytes} bytes per delete");
    }

    [Fact]
    public async Task BlobExistsAsync_PerRequestOverhead_IsSmall()
    {
        var blob = new BlobServiceClient(StorageAccount.DevelopmentStorage, new BlobClientOptions { Transport = new FakeTransport(200, record: false) }).GetBlobContainerClient("ledger").GetBlobClient("a/b.json");

        var (microseconds, bytes) = await MeasureAsync(() => blob.ExistsAsync());

        output.WriteLine($"Blob HEAD: {microseconds:F1} µs and {bytes:N0} bytes allocated per request (fake transport)");
        Assert.True(bytes < 16 * 1024, $"{bytes} bytes per HEAD");
    }

    private static async Task<(double Microseconds, long Bytes)> MeasureAsync(Func<Task> operation)
    {
        for (var i = 0; i < 1000; i++)
        {
            await operation();
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Iterations; i++)
        {
            await operation();
        }

        watch.Stop();
        var bytes = (GC.GetTotalAllocatedBytes(precise: true) - before) / Iterations;
        return (watch.Elapsed.TotalMicroseconds / Iterations, bytes);
    }
}
