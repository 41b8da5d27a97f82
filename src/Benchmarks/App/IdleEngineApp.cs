using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// An app of its own whose engine is not driven (queue-trigger dispatch with no Functions host): no
/// workflow episode or poll runs, so the request counter shows exactly what a request, or an
/// activity run by hand, makes. A launched county of <c>units</c> villages; tokens by village number.
/// </summary>
public static class IdleEngineApp
{
    public static async Task<(BenchApp App, string[] Tokens)> StartAsync(BenchmarkContext context, int units)
    {
        var app = await BenchApp.StartAsync(context, new Dictionary<string, string?> { ["GuanGong:Engine:Dispatch"] = "QueueTriggers" });
        try
        {
            await County.SetUpAsync(app, County.Csv(units), "X1", launch: true);

            // The launch's invitations are an orchestration: drive the engine by hand once, before
            // anything is counted, so the units get their links.
            await app.Services.GetRequiredService<GuanGong.Durable.DurableTaskWorker>().ProcessPendingAsync();
            return (app, await SubmitLatencyBenchmark.UnitTokensAsync(app, units));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
