namespace GuanGong.Benchmarks.App;

/// <summary>
/// An app of its own whose Durable worker does not run (<c>LocalHostOptions.RunDurableWorker = false</c>):
/// the client still queues starts and events, but no episode, activity or poll runs, so the counters show
/// exactly what a request makes while its client waits, and Azurite carries no workflow load. A launched
/// county of <c>units</c> villages (the launch's invitations stay queued); submissions go in by the admin key.
/// </summary>
public static class IdleEngineApp
{
    public static async Task<BenchApp> StartAsync(BenchmarkContext context, int units)
    {
        var app = await BenchApp.StartAsync(context, new BenchAppOptions { RunDurableWorker = false });
        try
        {
            await County.SetUpAsync(app, County.Csv(units), "X1", launch: true);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
