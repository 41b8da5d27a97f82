namespace GuanGong.Durable.Tests.Engine;

public sealed class ExternalEventTests
{
    private static EngineHarness CreateSut() => new(registry => registry
        .AddActivityFunc<string, string>("Echo", (_, text) => Task.FromResult(text))
        .AddOrchestratorFunc<object?, string>("TwoWaits", async (context, _) =>
        {
            await context.CallActivityAsync<string>("Echo", "first do some work");
            var first = await context.WaitForExternalEvent<string>("Approval");
            var second = await context.WaitForExternalEvent<string>("APPROVAL");
            return first + "," + second;
        })
        .AddOrchestratorFunc<string, string>("Notifier", async (context, target) =>
        {
            context.SendEvent(target, "Approval", "from " + context.InstanceId);
            return await context.CallActivityAsync<string>("Echo", "sent");
        })
        .AddOrchestratorFunc<int, string>("RaceOnce", async (context, hours) =>
        {
            try
            {
                return await context.WaitForExternalEvent<string>("Answer", TimeSpan.FromHours(hours));
            }
            catch (TaskCanceledException)
            {
                return "timeout";
            }
        })
        .AddOrchestratorFunc<int, string>("WithTimeout", async (context, hours) =>
        {
            try
            {
                var answer = await context.WaitForExternalEvent<string>("Answer", TimeSpan.FromHours(hours));
                var later = await context.WaitForExternalEvent<string>("Answer", TimeSpan.FromHours(hours));
                return answer + "+" + later;
            }
            catch (TaskCanceledException)
            {
                var late = await context.WaitForExternalEvent<string>("answer");
                return "timed out, then " + late;
            }
        }));

    [Fact]
    public async Task WaitForExternalEvent_EventsBeforeDuringAndAfter_EachCompletesOneWait()
    {
        await using var sut = CreateSut();
        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("TwoWaits");

        // Before: raised while the instance is still Pending and busy with its activity.
        await sut.Client.RaiseEventAsync(id, "approval", "early");
        await sut.DrainAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await sut.GetAsync(id)).RuntimeStatus);

        // During: the second wait is open now.
        await sut.Client.RaiseEventAsync(id, "Approval", "during");
        await sut.DrainAsync();
        var metadata = await sut.GetAsync(id);
        Assert.Equal("early,during", metadata.ReadOutputAs<string>());

        // After: the instance is finished; the event is discarded, nothing changes.
        await sut.Client.RaiseEventAsync(id, "Approval", "late");
        await sut.DrainAsync();
        Assert.Equal("early,during", (await sut.GetAsync(id)).ReadOutputAs<string>());
        Assert.Equal(2, (await sut.Client.GetOrchestrationHistoryAsync(id)).OfType<EventRaisedEvent>().Count());
    }

    [Fact]
    public async Task WaitForExternalEvent_EventBeatsTimeout_ReturnsEventAndIgnoresTimer()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("WithTimeout", 1);

        sut.Time.Advance(TimeSpan.FromMinutes(30));
        await sut.Client.RaiseEventAsync(id, "answer", "yes");
        await sut.Client.RaiseEventAsync(id, "answer", "again");
        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromHours(1));

        Assert.Equal("yes+again", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_TimeoutBeatsEvent_CancelsAndBuffersTheLateEvent()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("WithTimeout", 1);

        sut.Time.Advance(TimeSpan.FromHours(2));
        await sut.DrainAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await sut.GetAsync(id)).RuntimeStatus);
        await sut.Client.RaiseEventAsync(id, "Answer", "late");
        await sut.DrainAsync();

        Assert.Equal("timed out, then late", (await sut.GetAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_EventAndTimerInOneEpisode_HistoryOrderDecides()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("RaceOnce", 1);

        // Both arrive before the worker looks again: the timer message and the event are processed together.
        await sut.Client.RaiseEventAsync(id, "Answer", "racing");
        sut.Time.Advance(TimeSpan.FromHours(1));
        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromHours(1));

        // The event was enqueued first, so it is first in the episode's history and wins.
        Assert.Equal("racing", metadata.ReadOutputAs<string>());
        var history = await sut.Client.GetOrchestrationHistoryAsync(id);
        Assert.Single(history.OfType<EventRaisedEvent>());
        Assert.Single(history.OfType<TimerFiredEvent>());
    }

    [Fact]
    public async Task RaiseEventAsync_BeforeADelayedStart_IsKeptForTheExecution()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("RaceOnce", 24, new StartOrchestrationOptions(StartAt: sut.Time.GetUtcNow().AddHours(1)));

        await sut.Client.RaiseEventAsync(id, "answer", "waiting for you");
        await sut.DrainAsync();
        var pending = await sut.GetAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending.RuntimeStatus);
        Assert.IsType<EventRaisedEvent>(Assert.Single(await sut.Client.GetOrchestrationHistoryAsync(id)));

        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromMinutes(30));

        Assert.Equal("waiting for you", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SendEvent_FromAnotherOrchestration_IsDeliveredOnce()
    {
        await using var sut = CreateSut();
        var waiter = await sut.StartAsync("TwoWaits");

        await sut.StartAsync("Notifier", waiter, new StartOrchestrationOptions("notifier"));
        await sut.StartAsync("Notifier", waiter, new StartOrchestrationOptions("notifier-2"));

        Assert.Equal("sent", (await sut.GetAsync("notifier")).ReadOutputAs<string>());
        Assert.Equal("from notifier,from notifier-2", (await sut.GetAsync(waiter)).ReadOutputAs<string>());
        Assert.Single((await sut.Client.GetOrchestrationHistoryAsync("notifier")).OfType<EventSentEvent>());
    }

    [Fact]
    public async Task RaiseEventAsync_UnknownInstance_Throws()
    {
        await using var sut = CreateSut();

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.Client.RaiseEventAsync("nobody", "x"));
    }
}
