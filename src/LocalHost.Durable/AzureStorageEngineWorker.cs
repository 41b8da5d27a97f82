using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.Extensions.Options;

namespace GuanGong.LocalHost.Durable;

/// <summary>
/// The hosted Microsoft.DurableTask worker (<c>UseAzureStorageEngine()</c>): runs the builder's registry on the
/// <see cref="DurableTaskEngine"/> in DI until the host stops, then stops gracefully.
/// </summary>
public sealed class AzureStorageEngineWorker : DurableTaskWorker
{
    private readonly DurableTaskEngine _engine;
    private readonly IServiceProvider _services;
    private readonly DurableTaskWorkerOptions _workerOptions;

    /// <summary>Made by the worker builder (<c>UseBuildTarget</c>) with its name and the registry's factory.</summary>
    public AzureStorageEngineWorker(
        string? name,
        IDurableTaskFactory factory,
        DurableTaskEngine engine,
        IServiceProvider services,
        IOptionsMonitor<DurableTaskWorkerOptions> workerOptions)
        : base(name, factory)
    {
        ArgumentNullException.ThrowIfNull(workerOptions);
        _engine = engine;
        _services = services;
        _workerOptions = workerOptions.Get(Name);
    }

    /// <summary>
    /// The deployment check for this worker's registry (the new build): replays every in-flight instance of the task
    /// hub and reports which would fail non-determinism. Needs no running worker: resolve the hosted service and call it.
    /// </summary>
    public Task<ReplayCheckReport> CheckReplayAsync(CancellationToken cancellationToken = default) =>
        _engine.CheckReplayAsync(Factory, _services, cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var worker = await _engine.StartWorkerAsync(Factory, _services, _workerOptions);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // the host is stopping
        }
        finally
        {
            await worker.StopAsync();
        }
    }
}
