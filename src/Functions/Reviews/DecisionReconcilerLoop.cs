using GuanGong.Functions.Records;

namespace GuanGong.Functions.Reviews;

/// <summary>Locally (no Functions timer trigger), runs the <see cref="DecisionReconciler"/> every five minutes.</summary>
internal sealed class DecisionReconcilerLoop(DecisionReconciler reconciler, StorageInitializer storage, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!storage.IsReady)
            {
                continue;
            }

            try
            {
                await reconciler.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (Http.ExceptionMapping.IsStorageUnavailable(ex))
            {
                // Storage is down: the next tick tries again.
            }
        }
    }
}
