using GuanGong.Storage;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// The storage requests one submission makes while its client waits, counted exactly: on an app of
/// its own whose engine is not driven (queue-trigger dispatch with no Functions host), so no
/// workflow episode or poll runs while the counter is read. Reference data is warm (one submission
/// first), as it is for every submission but the first after a host starts.
/// </summary>
public static class InLineSubmitRequests
{
    private const int Units = 3;

    public static async Task<(StorageRequestCounts PerSubmission, int Submissions)> MeasureAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var app = await BenchApp.StartAsync(context, new Dictionary<string, string?> { ["GuanGong:Engine:Dispatch"] = "QueueTriggers" });
        await County.SetUpAsync(app, County.Csv(Units), "X1", launch: true);
        var tokens = await SubmitLatencyBenchmark.UnitTokensAsync(app, Units);
        await SubmitLatencyBenchmark.SubmitAsync(app, tokens[Units], cancellationToken);
        app.Requests.Reset();
        for (var unit = 1; unit < Units; unit++)
        {
            await SubmitLatencyBenchmark.SubmitAsync(app, tokens[unit], cancellationToken);
        }

        return (app.Requests.Snapshot(), Units - 1);
    }
}
