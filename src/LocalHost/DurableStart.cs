using GuanGong.LocalHost.DurableFunctions;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost;

/// <summary>
/// Starts the Durable worker, and keeps trying in the background while storage cannot be reached: the Functions
/// host also comes up without its task hub and keeps retrying, and the app's HTTP functions must still answer
/// (503 from the app while its storage is down) rather than the whole host failing to start.
/// </summary>
internal sealed partial class DurableStart
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private volatile bool _started;

    private DurableStart()
    {
    }

    /// <summary>Completes when the first attempt has either started the worker or failed on storage (and retrying began).</summary>
    public Task FirstAttempt => _firstAttempt.Task;

    /// <summary>
    /// Waits for the first attempt, at most <paramref name="limit"/>: a start that fails for a reason other than storage
    /// (a bad setting) surfaces at once, while storage that does not answer (the storage client retrying for tens of
    /// seconds) does not hold the host's start.
    /// </summary>
    public async Task WaitForFirstAttemptAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var first = FirstAttempt;
        if (await Task.WhenAny(first, Task.Delay(limit, cancellationToken)) == first)
        {
            await first;
        }
    }

    public bool Started => _started;

    public static DurableStart Begin(IDurableBackend durable, IDurableTaskFactory functions, IServiceProvider appServices, ILogger logger)
    {
        var start = new DurableStart();
        start._loop = start.RunAsync(durable, functions, appServices, logger);
        return start;
    }

    public async Task CancelAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // The start failed for good (reported at start-up) or was cut short by the stop.
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(IDurableBackend durable, IDurableTaskFactory functions, IServiceProvider appServices, ILogger logger)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await durable.StartWorkerAsync(functions, appServices, _stopping.Token);
                _started = true;
                _firstAttempt.TrySetResult();
                return;
            }
            catch (Exception ex) when (IsStorageUnavailable(ex) && !_stopping.IsCancellationRequested)
            {
                LogRetrying(logger, ex.GetType().Name, delay);
                _firstAttempt.TrySetResult();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                _firstAttempt.TrySetResult();
                return;
            }
            catch (Exception ex)
            {
                _firstAttempt.TrySetException(ex);
                throw;
            }

            try
            {
                await Task.Delay(delay, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
        }
    }

    // The task hub cannot be created or read: nothing listens, the account refuses our key, or the storage
    // client gave up after its retries.
    private static bool IsStorageUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Azure.RequestFailedException or HttpRequestException or System.Net.Sockets.SocketException or AggregateException
                || e.GetType().Name == "DurableTaskStorageException")
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Durable task hub cannot be reached ({ExceptionType}); the worker starts when it can (next try in {Delay})")]
    private static partial void LogRetrying(ILogger logger, string exceptionType, TimeSpan delay);
}
