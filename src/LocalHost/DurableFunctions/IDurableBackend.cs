using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;

namespace GuanGong.LocalHost.DurableFunctions;

/// <summary>
/// The seam between the local host and the Durable engine that runs the app's orchestrator and
/// activity functions (LocalHost.Durable: DTFx over Azure Storage). The host supplies the functions;
/// the backend owns the task hub, the worker and the client.
/// </summary>
public interface IDurableBackend : IAsyncDisposable
{
    /// <summary>The client handed to <c>[DurableClient] DurableTaskClient</c> parameters.</summary>
    DurableTaskClient Client { get; }

    /// <summary>The converter the engine serialises inputs, outputs and events with.</summary>
    DataConverter DataConverter { get; }

    /// <summary>Starts running <paramref name="functions"/> on the task hub; activities get DI scopes of <paramref name="appServices"/>.</summary>
    Task StartWorkerAsync(IDurableTaskFactory functions, IServiceProvider appServices, CancellationToken cancellationToken);

    /// <summary>
    /// Replays every in-flight instance's history against <paramref name="functions"/> (the build about to take
    /// traffic) without starting a worker, and reports the instances that would break.
    /// </summary>
    Task<GuanGong.LocalHost.Durable.ReplayCheckReport> CheckReplayAsync(IDurableTaskFactory functions, IServiceProvider appServices, CancellationToken cancellationToken);

    /// <summary>Stops the worker gracefully (work in progress finishes).</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
