namespace GuanGong.Durable.Tests.Worker;

public sealed class RedeliveryGateTests
{
    [Fact]
    public async Task EnterAsync_FirstDeliveries_RunTogether()
    {
        var gate = new RedeliveryGate(4);

        using var first = await gate.EnterAsync(1, CancellationToken.None);
        var second = gate.EnterAsync(1, CancellationToken.None);

        Assert.True(second.IsCompleted);
        (await second).Dispose();
    }

    [Fact]
    public async Task EnterAsync_Redelivery_WaitsUntilEveryFirstDeliveryIsDone()
    {
        var gate = new RedeliveryGate(4);
        var first = await gate.EnterAsync(1, CancellationToken.None);
        var second = await gate.EnterAsync(1, CancellationToken.None);

        var redelivered = gate.EnterAsync(2, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(redelivered.IsCompleted);
        first.Dispose();
        await Task.Delay(50);
        Assert.False(redelivered.IsCompleted);
        second.Dispose();

        (await redelivered.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task EnterAsync_WhileARedeliveryRunsOrWaits_FirstDeliveriesWaitBehindIt()
    {
        var gate = new RedeliveryGate(4);
        var running = await gate.EnterAsync(1, CancellationToken.None);
        var redelivered = gate.EnterAsync(3, CancellationToken.None).AsTask();
        var later = gate.EnterAsync(1, CancellationToken.None).AsTask();
        await Task.Delay(50);

        Assert.False(redelivered.IsCompleted);
        Assert.False(later.IsCompleted);
        running.Dispose();
        var alone = await redelivered.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.False(later.IsCompleted);
        alone.Dispose();
        (await later.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task EnterAsync_RedeliveryCancelledWhileWaiting_GivesBackWhatItTook()
    {
        var gate = new RedeliveryGate(2);
        var running = await gate.EnterAsync(1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var redelivered = gate.EnterAsync(2, cancel.Token).AsTask();
        await Task.Delay(20);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => redelivered);
        var other = gate.EnterAsync(1, CancellationToken.None);
        Assert.True(other.IsCompleted);
        running.Dispose();
        (await other).Dispose();
        (await gate.EnterAsync(2, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
