using GuanGong.Testing;

namespace GuanGong.Durable.Tests.Engine;

public sealed class OwnSendWakeupTests
{
    [Fact]
    public async Task StartAsync_ChainOfQueuedActivities_EachMessageTheWorkerSendsCostsOneReceive()
    {
        // Polling is pinned at 30 s on a clock that never moves: only wake-ups make the loops look.
        var clock = new FakeTimeProvider();
        var backend = new InMemoryOrchestrationBackend(clock, partitionCount: 4);
        var counting = new CountingBackend(backend);
        var registry = new DurableTaskRegistry()
            .AddActivityFunc<int, int>("Inc", (_, n) => Task.FromResult(n + 1))
            .AddOrchestratorFunc<int, int>("Chain", async (context, n) =>
            {
                for (var i = 0; i < 3; i++)
                {
                    n = await context.CallActivityAsync<int>("Inc", n);
                }

                return n;
            });
        var options = new DurableTaskWorkerOptions
        {
            TimeProvider = clock,
            PollingTimeProvider = clock,
            MinQueuePollingInterval = TimeSpan.FromSeconds(30),
            MaxQueuePollingInterval = TimeSpan.FromSeconds(30),
        };
        await using var worker = new DurableTaskWorker(counting, registry, options);
        var client = new DurableTaskClient(backend);
        await worker.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => counting.Receives == 5);

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Chain", 0);
        await WaitUntilAsync(async () => (await client.GetInstanceAsync(id))!.IsCompleted);

        // The client's start wakes all five loops; each of the six messages the worker sends
        // (three work items, three results) wakes only its own queue's loop. Six receives at least
        // (each message is received once); waking all five loops would cost 30 and more. How many
        // of the woken receives find their message already taken depends on timing: at most 13.
        Assert.Equal(3, (await client.GetInstanceAsync(id, getInputsAndOutputs: true))!.ReadOutputAs<int>());
        Assert.InRange(counting.Receives - 5, 6, 13);
        await worker.StopAsync(CancellationToken.None);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 1000 && !await condition(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }

        Assert.True(await condition(), "the condition never held");
    }
}
