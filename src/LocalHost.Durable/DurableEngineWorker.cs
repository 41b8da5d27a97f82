using DurableTask.Core;

namespace GuanGong.LocalHost.Durable;

/// <summary>A running DTFx worker; stop or dispose it to let work in progress finish and release its partitions.</summary>
public sealed class DurableEngineWorker : IAsyncDisposable
{
    private readonly TaskHubWorker _worker;
    private readonly ClockedOrchestrationService? _clock;
    private readonly AbandonRetryingOrchestrationService _abandonRetrying;
    private readonly IDisposable _service;
    private readonly Action? _stopSharing;
    private int _stopped;

    internal DurableEngineWorker(TaskHubWorker worker, ClockedOrchestrationService? clock, AbandonRetryingOrchestrationService abandonRetrying, IDisposable service, Action? stopSharing)
    {
        _worker = worker;
        _clock = clock;
        _abandonRetrying = abandonRetrying;
        _service = service;
        _stopSharing = stopSharing;
    }

    /// <summary>The orchestration service this worker runs on.</summary>
    internal IDisposable Service => _service;

    /// <summary>Durable timers held for the engine clock and not yet delivered (0 on the system clock).</summary>
    public int HeldTimerCount => _clock?.HeldTimerCount ?? 0;

    /// <summary>Stops gracefully: no new work is taken, work in progress completes, partition leases are released.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        // Clients go back to the engine's own service before this one stops.
        _stopSharing?.Invoke();
        _abandonRetrying.StopRetrying();
        await _worker.StopAsync(isForced: false);
        if (_clock is not null)
        {
            await _clock.DisposeAsync();
        }

        _abandonRetrying.Dispose();
        _service.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();
}
