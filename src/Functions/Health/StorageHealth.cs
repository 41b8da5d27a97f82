using System.Diagnostics;
using Azure;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Health;

/// <summary>
/// Probes each storage service with a cheap authenticated read of something that may not exist:
/// an answer (found or 404) proves the service is reachable and our credentials work; 401/403 means
/// reachable but refused; no answer means unreachable. Nothing is created by a health check.
/// </summary>
public sealed class StorageHealth(AppStorage storage)
{
    private const string ProbeName = "guangonghealthprobe";

    public async Task<IReadOnlyList<ServiceHealth>> CheckAsync(CancellationToken cancellationToken)
    {
        var probes = new (string Service, Uri Endpoint, Func<CancellationToken, Task> Probe)[]
        {
            ("blob", storage.Blobs.Uri, ct => storage.Blobs.GetBlobContainerClient(ProbeName).ExistsAsync(ct)),
            ("queue", storage.Queues.Uri, ct => storage.Queues.GetQueueClient(ProbeName).ExistsAsync(ct)),
            ("table", storage.Tables.Uri, ct => storage.Tables.GetTableClient(ProbeName).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r", cancellationToken: ct)),
        };
        return await Task.WhenAll(probes.Select(p => ProbeAsync(p.Service, p.Endpoint, p.Probe, cancellationToken)));
    }

    private static async Task<ServiceHealth> ProbeAsync(string service, Uri endpoint, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await probe(timeout.Token);
            return new ServiceHealth(service, endpoint.ToString(), true, true, stopwatch.ElapsedMilliseconds, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new ServiceHealth(service, endpoint.ToString(), true, true, stopwatch.ElapsedMilliseconds, null);
        }
        catch (RequestFailedException ex) when (ex.Status is 401 or 403)
        {
            return new ServiceHealth(service, endpoint.ToString(), true, false, stopwatch.ElapsedMilliseconds, $"{ex.Status} {ex.ErrorCode}");
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or OperationCanceledException or IOException or AggregateException)
        {
            return new ServiceHealth(service, endpoint.ToString(), false, false, stopwatch.ElapsedMilliseconds, ex.GetType().Name + ": " + ex.Message);
        }
    }
}
