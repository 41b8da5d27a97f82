using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using GuanGong.Functions.Records;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// What a submission costs with no workflow running beside it, on an <see cref="IdleEngineApp"/>:
/// the storage requests one submission makes while its client waits and the Durable client's start
/// sent after the answer (counted exactly, reference data warm after one submission), and the latency of the same burst of submissions by the same
/// clients — which separates the submit path's own cost from the load its workflows put on Azurite.
/// </summary>
public static class InLineSubmitRequests
{
    /// <summary>The counted requests of the app and of the Durable client (of <c>CountedSubmissions</c>), the idle burst's latency, and this process's CPU per burst submission (app and sending client together).</summary>
    public sealed record Figures(StorageRequestCounts Counted, StorageRequestCounts Engine, int CountedSubmissions, double IdleP50, double IdleP99, int BurstSubmissions, double CpuMillisecondsPerSubmission, double AzuriteCpuMillisecondsPerSubmission, double PerSecond);

    public static async Task<Figures> MeasureAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clients = context.Mode.SubmitClients;
        var units = (clients * context.Mode.SubmitsPerClient) + 3;
        var app = await IdleEngineApp.StartAsync(context, units);
        await using (app)
        {
            await SubmitLatencyBenchmark.SubmitAsAdminAsync(app, $"V{units}", cancellationToken);
            var starts = app.Services.GetRequiredService<GuanGong.Functions.Submissions.WorkflowStarts>();
            await SentAsync(starts);
            app.ResetCounts();
            foreach (var unit in new[] { units - 1, units - 2 })
            {
                await SubmitLatencyBenchmark.SubmitAsAdminAsync(app, $"V{unit}", cancellationToken);
            }

            // The app's requests are all made before the answer; the Durable client's start is sent after it (counted once sent).
            var counted = app.Requests.Snapshot();
            await SentAsync(starts);

            var engine = app.EngineRequests.Snapshot();
            var latencies = new ConcurrentBag<double>();
            var cpu = CpuMeter.Read(context.Azurite);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(
                async () =>
                {
                    for (var unit = 1 + client; unit < units - 2; unit += clients)
                    {
                        var started = Stopwatch.GetTimestamp();
                        await SubmitLatencyBenchmark.SubmitAsAdminAsync(app, $"V{unit}", cancellationToken);
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                },
                cancellationToken)));
            var perSecond = latencies.Count / clock.Elapsed.TotalSeconds;
            var used = CpuMeter.Read(context.Azurite) - cpu;
            return new Figures(
                counted, engine, 2, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), latencies.Count,
                used.App.TotalMilliseconds / latencies.Count, used.Azurite.TotalMilliseconds / latencies.Count, perSecond);
        }
    }

    /// <summary>Until every queued start was sent (the warm-up's start must not land in the counted window).</summary>
    private static async Task SentAsync(GuanGong.Functions.Submissions.WorkflowStarts starts)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (starts.Pending > 0)
        {
            await Task.Delay(10, patience.Token);
        }
    }
}
