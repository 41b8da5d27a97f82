using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace GuanGong.Benchmarks.Storage;

/// <summary>
/// Measures Azurite itself with the Azure SDK clients the app uses and nothing of ours on top: one
/// caller inserting table rows one after another (latency), then many callers cycling through the
/// requests the engine makes most (queue put, receive, delete; table upsert, point read) to find
/// the requests per second Azurite can serve on this machine now.
/// </summary>
public sealed class RawStorageBaseline
{
    private const int Callers = 32;
    private const string Mix = "queue put+get+delete, table upsert+point read; 32 callers";

    public async Task<StorageBaseline> MeasureAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tables = new TableServiceClient(context.ConnectionString);
        var table = tables.GetTableClient("rawbaseline" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var queue = new QueueServiceClient(context.ConnectionString).GetQueueClient("raw-baseline-" + Guid.NewGuid().ToString("N")[..8]);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        var latencies = await InsertLatenciesAsync(table, context.Mode.IsFull ? 300 : 60, cancellationToken);
        var opsPerSecond = await OperationsPerSecondAsync(table, queue, context.Mode.RawStorageDuration, cancellationToken);
        await table.DeleteAsync(cancellationToken);
        await queue.DeleteAsync(cancellationToken);
        var baseline = new StorageBaseline(Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), opsPerSecond, Mix);
        context.Say(string.Create(CultureInfo.InvariantCulture, $"raw insert p50 {baseline.InsertP50Milliseconds:F2} ms p99 {baseline.InsertP99Milliseconds:F2} ms; raw {opsPerSecond:F0} ops/s"));
        return baseline;
    }

    private static async Task<List<double>> InsertLatenciesAsync(TableClient table, int count, CancellationToken cancellationToken)
    {
        // A few unmeasured inserts first, so connection set-up is not counted.
        var latencies = new List<double>(count);
        for (var i = -10; i < count; i++)
        {
            var entity = new TableEntity("latency", i.ToString("D6", CultureInfo.InvariantCulture)) { ["Payload"] = new string('x', 512) };
            var started = Stopwatch.GetTimestamp();
            await table.AddEntityAsync(entity, cancellationToken);
            if (i >= 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return latencies;
    }

    private static async Task<double> OperationsPerSecondAsync(TableClient table, QueueClient queue, TimeSpan duration, CancellationToken cancellationToken)
    {
        long operations = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(
            async () =>
            {
                var row = 0;
                while (clock.Elapsed < duration)
                {
                    await queue.SendMessageAsync("{\"work\":" + row.ToString(CultureInfo.InvariantCulture) + "}", cancellationToken);
                    var received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1), cancellationToken)).Value;
                    foreach (var message in received)
                    {
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    }

                    var key = caller.ToString(CultureInfo.InvariantCulture);
                    var entity = new TableEntity(key, (row++ % 16).ToString(CultureInfo.InvariantCulture)) { ["Payload"] = new string('x', 512) };
                    await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
                    await table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
                    Interlocked.Add(ref operations, 4 + received.Length);
                }
            },
            cancellationToken)));
        return operations / clock.Elapsed.TotalSeconds;
    }
}
