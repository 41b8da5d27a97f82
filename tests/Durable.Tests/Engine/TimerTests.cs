namespace GuanGong.Durable.Tests.Engine;

public sealed class TimerTests
{
    private static EngineHarness CreateSut() => new(registry => registry
        .AddOrchestratorFunc<int, DateTime>("Sleep", async (context, days) =>
        {
            await context.CreateTimer(TimeSpan.FromDays(days), CancellationToken.None);
            return context.CurrentUtcDateTime;
        }));

    [Theory]
    [InlineData(30)]
    [InlineData(3 * 365)]
    public async Task CreateTimer_LongerThanTheQueueLimit_FiresOnTimeInSlices(int days)
    {
        await using var sut = CreateSut();
        var started = sut.Time.GetUtcNow();
        var id = await sut.StartAsync("Sleep", days);
        var dueAt = started.AddDays(days);

        // Walk the fake clock in 2-day steps: every 3-day slice comes back early, is re-enqueued,
        // and the instance stays Running until the real due time.
        while (sut.Time.GetUtcNow() + TimeSpan.FromDays(2) < dueAt)
        {
            sut.Time.Advance(TimeSpan.FromDays(2));
            await sut.DrainAsync();
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await sut.GetAsync(id)).RuntimeStatus);
        }

        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromDays(1));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        var history = await sut.Client.GetOrchestrationHistoryAsync(id);
        var fired = Assert.Single(history.OfType<TimerFiredEvent>());
        Assert.Equal(dueAt, fired.FireAt);
        Assert.True(metadata.ReadOutputAs<DateTime>() >= dueAt.UtcDateTime);
    }

    [Fact]
    public async Task CreateTimer_ThreeYearsInOneJump_FiresOnce()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("Sleep", 3 * 365);

        sut.Time.Advance(TimeSpan.FromDays(3 * 365));
        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromDays(3));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Single((await sut.Client.GetOrchestrationHistoryAsync(id)).OfType<TimerFiredEvent>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_WithStartAt_StartsNoEarlier()
    {
        await using var sut = CreateSut();
        var startAt = sut.Time.GetUtcNow().AddDays(10);

        var id = await sut.StartAsync("Sleep", 0, new StartOrchestrationOptions(StartAt: startAt));
        sut.Time.Advance(TimeSpan.FromDays(9));
        await sut.DrainAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await sut.GetAsync(id)).RuntimeStatus);

        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromDays(1));
        Assert.True(metadata.ReadOutputAs<DateTime>() >= startAt.UtcDateTime);
    }
}
