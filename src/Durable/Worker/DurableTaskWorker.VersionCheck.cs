using Microsoft.Extensions.Logging.Abstractions;

namespace GuanGong.Durable;

public sealed partial class DurableTaskWorker
{
    /// <summary>
    /// Replays every in-flight instance's history against the orchestrators registered now and
    /// reports which would fail (version no longer registered, or the code diverges from history).
    /// Run it at start-up, before taking traffic, and in tests after changing an orchestrator.
    /// </summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The report.</returns>
    public async Task<VersionCheckReport> CheckInFlightInstancesAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<InstanceReplayCheck>();
        string? continuation = null;
        do
        {
            var query = new OrchestrationQuery([OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended], PageSize: 100, ContinuationToken: continuation);
            var page = await _backend.QueryInstancesAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Instances)
            {
                var snapshot = await _backend.ReadInstanceAsync(record.InstanceId, includeHistory: true, cancellationToken).ConfigureAwait(false);
                if (snapshot is not null && new HistoryIndex(snapshot.History).Started is { } started)
                {
                    results.Add(Check(snapshot, started));
                }
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return new VersionCheckReport(results);
    }

    private InstanceReplayCheck Check(InstanceSnapshot snapshot, ExecutionStartedEvent started)
    {
        var id = snapshot.Record.InstanceId;
        var orchestrator = _registry.CreateOrchestrator(started.Name, started.Version, _services);
        if (orchestrator is null)
        {
            return new InstanceReplayCheck(id, started.Name, started.Version, false, $"Orchestrator '{started.Name}' version '{started.Version}' is no longer registered.");
        }

        var result = OrchestrationExecutor.Execute(orchestrator, id, started.Name, started.Version ?? string.Empty, snapshot.History, [], _options.DataConverter, NullLoggerFactory.Instance);
        return result.Outcome is { Status: OrchestrationRuntimeStatus.Failed, Failure: { } failure }
            ? new InstanceReplayCheck(id, started.Name, started.Version, false, failure.ErrorMessage)
            : new InstanceReplayCheck(id, started.Name, started.Version, true, null);
    }
}
