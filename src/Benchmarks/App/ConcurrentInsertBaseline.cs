using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// Raw table inserts with the same concurrency as the submissions they are the yardstick for:
/// a number of callers each inserting rows one after another into a table of their
/// own run, straight through the storage client. Under 32 callers an insert waits behind the others
/// in Azurite, so this, not the lone insert, is what a submission under the same load is held to.
/// </summary>
public static class ConcurrentInsertBaseline
{
    public static async Task<(double P50, double P99, int Count, TimeSpan Elapsed)> MeasureAsync(string connectionString, int callers, int insertsPerCaller, CancellationToken cancellationToken)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("rawconcurrent" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(
            async () =>
            {
                // One unmeasured insert per caller first, so connection set-up is not counted.
                for (var i = -1; i < insertsPerCaller; i++)
                {
                    var entity = new TableEntity(caller.ToString(CultureInfo.InvariantCulture), (i + 1).ToString("D6", CultureInfo.InvariantCulture)) { ["Payload"] = new string('x', 512) };
                    var started = Stopwatch.GetTimestamp();
                    await table.AddEntityAsync(entity, cancellationToken);
                    if (i >= 0)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
            },
            cancellationToken)));
        var elapsed = clock.Elapsed;
        await table.DeleteAsync(cancellationToken);
        return (Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), latencies.Count, elapsed);
    }
}
