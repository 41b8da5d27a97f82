using GuanGong.LocalHost.SampleApp;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.LocalHost.Tests;

public sealed class TimerTriggerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Tick_FakeClockAdvancedFivePeriods_ExactlyFiveTicksWithScheduleStatus()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await StartAsync(clock);
        var log = host.Services.GetRequiredService<TickLog>();

        for (var i = 1; i <= 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            await WaitForTicksAsync(log, i);
        }

        await Task.Delay(500);
        var ticks = log.Ticks;
        Assert.Equal(5, ticks.Count);
        Assert.Equal(5, host.TimerTicks["Tick"]);
        for (var i = 0; i < ticks.Count; i++)
        {
            Assert.False(ticks[i].IsPastDue);
            Assert.Equal(Start.UtcDateTime.AddSeconds(2 * i), ticks[i].Last);
            Assert.Equal(Start.UtcDateTime.AddSeconds(2 * (i + 2)), ticks[i].Next);
            Assert.Equal(Start.AddSeconds(2 * (i + 1)), ticks[i].At);
        }
    }

    [Fact]
    public async Task Tick_FakeClockAdvancedPastFiveOccurrences_NoOccurrenceTwiceAndScheduleCaughtUp()
    {
        // FakeTimeProvider steps through due times, but whether the runner re-arms before the clock moves on
        // is a race: some occurrences may collapse into a past-due run. Either way none fires twice.
        var clock = new FakeTimeProvider(Start);
        await using var host = await StartAsync(clock);
        var log = host.Services.GetRequiredService<TickLog>();

        clock.Advance(TimeSpan.FromSeconds(11));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (log.Ticks is not [.., { Next: var next }] || next != Start.UtcDateTime.AddSeconds(12))
        {
            await Task.Delay(20, deadline.Token);
        }

        await Task.Delay(300);
        var ticks = log.Ticks;
        Assert.InRange(ticks.Count, 1, 5);
        Assert.Equal(ticks.Count, ticks.Select(t => t.Last).Distinct().Count());
    }

    [Fact]
    public async Task Tick_ClockJumpsPastManyOccurrences_OnePastDueTickNotOneEach()
    {
        var clock = new JumpingClock(Start);
        await using var host = await SampleHost.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.ConfigureServices = s => s.AddSingleton<TimeProvider>(clock);
        });
        var log = host.Services.GetRequiredService<TickLog>();

        clock.Jump(TimeSpan.FromSeconds(11));
        await WaitForTicksAsync(log, 1);
        await Task.Delay(500);
        clock.Jump(TimeSpan.FromSeconds(1));
        await WaitForTicksAsync(log, 2);
        await Task.Delay(500);

        var ticks = log.Ticks;
        Assert.Equal(2, ticks.Count);
        Assert.True(ticks[0].IsPastDue);
        Assert.Equal(Start.UtcDateTime.AddSeconds(12), ticks[0].Next);
        Assert.False(ticks[1].IsPastDue);
    }

    [Fact]
    public async Task Tick_ClockStandsStill_NoTicks()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await StartAsync(clock);

        await Task.Delay(2500);

        Assert.Empty(host.Services.GetRequiredService<TickLog>().Ticks);
    }

    private static Task<LocalFunctionsHost> StartAsync(FakeTimeProvider clock) =>
        SampleHost.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.ConfigureServices = s => s.AddSingleton<TimeProvider>(clock);
        });

    private static async Task WaitForTicksAsync(TickLog log, int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (log.Ticks.Count < count)
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
