using Azure;
using GuanGong.Functions.Submissions;
using GuanGong.Testing;
using Microsoft.Extensions.Logging;

namespace GuanGong.Functions.Tests.Submissions;

/// <summary>
/// The queue that sends accepted cases' workflow starts after the answer (pure logic, a fake clock and a send that
/// fails as told): an outage is sent again until storage takes it, another failure is left to the sweep, and a
/// graceful stop drains what is queued.
/// </summary>
public sealed class WorkflowStartsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Enqueue_StorageDownTwice_SentAgainAfter1And2Seconds_ThenSentOnce()
    {
        var clock = new FakeTimeProvider();
        var logs = new CollectingLogger<WorkflowStarts>();
        var starts = new WorkflowStarts(clock, logs);
        await starts.StartAsync(CancellationToken.None);
        var attempts = 0;
        var sent = new TaskCompletionSource();
        starts.Enqueue("case-1", _ =>
        {
            if (++attempts <= 2)
            {
                throw new RequestFailedException(503, "Service Unavailable");
            }

            sent.SetResult();
            return Task.CompletedTask;
        });

        // Each failed attempt arms one wait on the clock; the next attempt comes when it is due, not before.
        await WaitUntilAsync(() => attempts == 1 && clock.PendingTimers == 1);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, attempts);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => attempts == 2 && clock.PendingTimers == 1);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, attempts);
        clock.Advance(TimeSpan.FromSeconds(1));
        await sent.Task.WaitAsync(Patience);
        await WaitUntilAsync(() => starts.Pending == 0);

        Assert.Equal(3, attempts);
        Assert.Equal(2, logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("case-1", StringComparison.Ordinal)));
        await starts.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Enqueue_FailureThatIsNotAnOutage_LoggedAtErrorAndNotSentAgain()
    {
        var clock = new FakeTimeProvider();
        var logs = new CollectingLogger<WorkflowStarts>();
        var starts = new WorkflowStarts(clock, logs);
        await starts.StartAsync(CancellationToken.None);
        var attempts = 0;
        starts.Enqueue("case-2", _ =>
        {
            attempts++;
            throw new InvalidDataException("a bug");
        });

        await WaitUntilAsync(() => starts.Pending == 0);

        Assert.Equal(0, clock.PendingTimers);
        Assert.Equal(1, attempts);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("case-2", StringComparison.Ordinal));
        await starts.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StopAsync_StartsQueued_SendsThemAllBeforeReturning_LaterOnesNotQueued()
    {
        var starts = new WorkflowStarts(TimeProvider.System, new CollectingLogger<WorkflowStarts>());
        await starts.StartAsync(CancellationToken.None);
        var release = new TaskCompletionSource();
        var sent = 0;
        for (var i = 0; i < 20; i++)
        {
            starts.Enqueue($"case-{i}", async _ =>
            {
                await release.Task;
                Interlocked.Increment(ref sent);
            });
        }

        var stop = starts.StopAsync(CancellationToken.None);
        starts.Enqueue("late", _ => throw new InvalidOperationException("must not be sent"));
        Assert.False(stop.IsCompleted);
        release.SetResult();
        await stop.WaitAsync(Patience);

        Assert.Equal(20, sent);
        Assert.Equal(0, starts.Pending);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
