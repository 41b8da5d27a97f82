using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;

namespace GuanGong.Functions.Records;

/// <summary>
/// Creates the app's tables and blob containers at start-up (after the local stack is up), so no
/// request path has to. If storage is unreachable then, the app still starts: it retries in the
/// background with back-off and, until it succeeds, API calls answer 503 with Retry-After
/// (<see cref="IsReady"/>), exactly as during any later outage. The Durable engine's task hub is the
/// host's to create (the Durable extension in Azure, src/LocalHost here); activities that run before
/// the app's tables exist fail and are retried by their orchestration.
/// </summary>
public sealed partial class StorageInitializer(
    AppTables tables, AppStorage storage, TimeProvider time, ILogger<StorageInitializer> logger)
    : IHostedService, IDisposable
{
    public const string LedgerContainer = "ledgers";

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Completes once the tables and containers exist (at once when they do already).</summary>
    public Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

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
            _ready.TrySetResult();
            return true;
        }
        catch (Exception ex) when (ExceptionMapping.IsStorageUnavailable(ex) || ex is Azure.RequestFailedException)
        {
            LogNotReady(logger, ex.GetType().Name);
            return false;
        }
    }

    // Before IsReady: no request writes a case meanwhile (an activity that does is retried on conflict).
    private async Task MigrateCasesAsync(CancellationToken cancellationToken)
    {
        var outcome = await CaseLayoutMigration.RunAsync(tables.Cases.Client, cancellationToken);
        if (!outcome.AlreadyDone)
        {
            LogCasesMigrated(logger, outcome.Moved, outcome.NotCaseNumbers.Count, outcome.ChangedMeanwhile.Count);
        }

        var expired = await ExpiredRectificationMigration.RunAsync(tables, cancellationToken);
        if (expired > 0)
        {
            LogExpiredMigrated(logger, expired);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cases closed at their rectification deadline before issue 15 now count as assessed: {Moved} moved from Withdrawn to RectificationExpired")]
    private static partial void LogExpiredMigrated(ILogger logger, int moved);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cases moved to the campaign-year layout: {Moved} moved, {NotCaseNumbers} not case numbers (left), {ChangedMeanwhile} changed meanwhile (retried next start)")]
    private static partial void LogCasesMigrated(ILogger logger, int moved, int notCaseNumbers, int changedMeanwhile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is not reachable yet ({ExceptionType}); API calls answer 503 until it is")]
    private static partial void LogNotReady(ILogger logger, string exceptionType);
}
