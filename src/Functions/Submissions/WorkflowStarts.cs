using System.Threading.Channels;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;

namespace GuanGong.Functions.Submissions;

/// <summary>
/// Sends the start of an accepted case's orchestration after the unit has its answer. A first submission is accepted
/// once its case row is stored (one table insert, which the unit waits for); the Durable client's start — an
/// existing-instance read, the start message and the Instances row, three more requests — goes out from here, on
/// <see cref="Senders"/> loops, so a deadline-day rush of submissions is answered at the pace of the case table while
/// the starts (and the workflows they set off) follow a moment behind instead of sharing every request's wait.
/// </summary>
/// <remarks>
/// Nothing accepted is lost on the way: the case row, stored before the answer, is the record. A start that meets a
/// storage outage is sent again (1 s, doubling to 30 s) for as long as the process runs; on a graceful stop the queue
/// is drained for up to <see cref="DrainOnStop"/>. Starts still queued when a process dies (or that could not be sent)
/// are found from the rows — a case still "submitted" with no instance — by <see cref="UnstartedCases"/>, on the
/// process's start and every five minutes. A case started twice (both paths at once) is harmless: the second start
/// is refused or dropped by the engine. The start goes through the <c>[DurableClient]</c> the accepting function was
/// given, after the invocation ended: in Azure the isolated worker's Durable extension caches that client for the
/// worker's lifetime (its client provider disposes it at shutdown), and the local host hands out one engine client.
/// </remarks>
public sealed partial class WorkflowStarts(TimeProvider time, ILogger<WorkflowStarts> logger) : IHostedService, IDisposable
{
    /// <summary>How many starts are sent at once: enough to keep up with a burst, few enough to stay behind the answers.</summary>
    public const int Senders = 2;

    public static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly Channel<(string CaseId, Func<CancellationToken, Task> Send)> _queue =
        Channel.CreateUnbounded<(string, Func<CancellationToken, Task>)>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    private readonly CancellationTokenSource _stopping = new();
    private Task[] _senders = [];
    private int _pending;

    /// <summary>When this process began sending: a "submitted" row written before it had its start queued by an earlier process.</summary>
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    /// <summary>Starts accepted but not yet sent (or being sent).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Queues a case's start, to be sent through the Durable client the accepting function was given.</summary>
    public void Enqueue(CaseWorkflowClient client, CaseWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(input);
        Enqueue(input.CaseId, token => client.StartAsync(input, token));
    }

    /// <summary>Queues a case's start as the call that sends it (which may throw an outage to be sent again).</summary>
    public void Enqueue(string caseId, Func<CancellationToken, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite((caseId, send)))
        {
            // Stopping: the row stays "submitted" and the next process's sweep starts it.
            Interlocked.Decrement(ref _pending);
            LogNotQueued(logger, caseId);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAsync, CancellationToken.None)).ToArray();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        var senders = Task.WhenAll(_senders);
        try
        {
            await senders.WaitAsync(DrainOnStop, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            LogLeftQueued(logger, Pending);
        }
        finally
        {
            // Whatever is left is not sent after this returns (the engine stops next); the sweep has it.
            await _stopping.CancelAsync();
            try
            {
                await senders.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            }
            catch (TimeoutException)
            {
                // A send that ignores cancellation: not waited for longer.
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task SendAsync()
    {
        await foreach (var (caseId, send) in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                if (!_stopping.IsCancellationRequested)
                {
                    await SendOneAsync(caseId, send);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private async Task SendOneAsync(string caseId, Func<CancellationToken, Task> send)
    {
        var wait = FirstRetry;
        while (true)
        {
            try
            {
                await send(_stopping.Token);
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ExceptionMapping.IsStorageUnavailable(ex))
            {
                LogRetrying(logger, caseId, wait.TotalSeconds);
            }
            catch (Exception ex)
            {
                // Not an outage: sending it again will not help. The sweep tries again later and, if the case stays
                // "submitted", the stuck-case report names it.
                LogFailed(logger, ex, caseId);
                return;
            }

            try
            {
                await Task.Delay(wait, time, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRetry.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is unavailable: the workflow start of case {CaseId} is sent again in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, string caseId, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The workflow start of case {CaseId} failed; the unstarted-case sweep will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The workflow start of case {CaseId} was not queued (the process is stopping); the next start-up's sweep sends it")]
    private static partial void LogNotQueued(ILogger logger, string caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} workflow starts were still queued when the process stopped; the next start-up's sweep sends them")]
    private static partial void LogLeftQueued(ILogger logger, int count);
}
