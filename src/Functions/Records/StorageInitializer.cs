using GuanGong.Durable;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;

namespace GuanGong.Functions.Records;

/// <summary>
/// Creates the app's tables and blob containers at start-up (after the local stack is up), so no
/// request path has to. If storage is unreachable then, the app still starts: it retries in the
/// background with back-off and, until it succeeds, API calls answer 503 with Retry-After
/// (<see cref="IsReady"/>), exactly as during any later outage. The engine's tables and queues are
/// created here too, and its polling dispatcher started once they exist (unless the Functions host
/// drives the engine through queue triggers).
/// </summary>
internal sealed partial class StorageInitializer(
    AppTables tables, AppStorage storage, IOrchestrationBackend engine, DurableTaskWorker worker, IConfiguration configuration, TimeProvider time, ILogger<StorageInitializer> logger)
    : IHostedService, IDisposable
{
    public const string LedgerContainer = "ledgers";

    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _ready;
    private volatile bool _workerStarted;

    public bool IsReady => _ready;

    /// <summary>
    /// The start-up replay of every in-flight orchestration against this build's registrations:
    /// instances that would break after a deploy are named before the app takes their traffic.
    /// </summary>
    public VersionCheckReport? VersionCheck { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryInitializeAsync(cancellationToken))
        {
            return;
        }

        _ = Task.Run(() => RetryAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_workerStarted)
        {
            await worker.StopAsync(cancellationToken);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested && !await TryInitializeAsync(cancellationToken))
        {
            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
        }
    }

    private async Task<bool> TryInitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tables.CreateAllAsync(cancellationToken);
            await MigrateCasesAsync(cancellationToken);
            await storage.Blobs.GetBlobContainerClient(LedgerContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await engine.CreateIfNotExistsAsync(cancellationToken);
            VersionCheck = await worker.CheckInFlightInstancesAsync(cancellationToken);
            foreach (var broken in VersionCheck.Incompatible)
            {
                LogIncompatible(logger, broken.InstanceId, broken.Name, broken.Version, broken.Problem);
            }

            if (!WorkflowRegistration.UsesQueueTriggers(configuration) && !_workerStarted)
            {
                await worker.StartAsync(cancellationToken);
                _workerStarted = true;
            }

            _ready = true;
            return true;
        }
        catch (Exception ex) when (ExceptionMapping.IsStorageUnavailable(ex) || ex is Azure.RequestFailedException)
        {
            LogNotReady(logger, ex.GetType().Name);
            return false;
        }
    }

    // Before the worker starts and before IsReady: no activity or request writes a case meanwhile.
    private async Task MigrateCasesAsync(CancellationToken cancellationToken)
    {
        var outcome = await CaseLayoutMigration.RunAsync(tables.Cases.Client, cancellationToken);
        if (!outcome.AlreadyDone)
        {
            LogCasesMigrated(logger, outcome.Moved, outcome.NotCaseNumbers.Count, outcome.ChangedMeanwhile.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cases moved to the campaign-year layout: {Moved} moved, {NotCaseNumbers} not case numbers (left), {ChangedMeanwhile} changed meanwhile (retried next start)")]
    private static partial void LogCasesMigrated(ILogger logger, int moved, int notCaseNumbers, int changedMeanwhile);

    [LoggerMessage(Level = LogLevel.Error, Message = "In-flight orchestration {InstanceId} ({Name} v{Version}) would not replay on this build: {Problem}")]
    private static partial void LogIncompatible(ILogger logger, string instanceId, string name, string? version, string? problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is not reachable yet ({ExceptionType}); API calls answer 503 until it is")]
    private static partial void LogNotReady(ILogger logger, string exceptionType);
}
