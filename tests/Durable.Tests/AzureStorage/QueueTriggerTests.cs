using GuanGong.Storage.Queues;

namespace GuanGong.Durable.Tests.AzureStorage;

public sealed class QueueTriggerTests
{
    [Fact]
    public async Task ProcessMessageEntryPoints_DrivenLikeAQueueTrigger_CompleteTheInstance()
    {
        await using var sut = await AzureEngineHarness.CreateAsync(registry => registry
            .AddActivityFunc<string, string>("Pad", (_, text) => Task.FromResult(text + new string('.', 60_000)))
            .AddOrchestratorFunc<string, int>("Flow", async (context, input) =>
            {
                var padded = await context.CallActivityAsync<string>("Pad", input);
                return padded.Length;
            }));
        var queues = sut.Backend.ControlQueueNames.Append(sut.Backend.WorkItemQueueName)
            .Select(name => new QueueClient(sut.ConnectionString, name)).ToList();
        var id = await sut.Client.ScheduleNewOrchestrationInstanceAsync("Flow", "go");
        Assert.True(sut.Backend.IsHistoryCacheEnabled);

        // What the Functions host does: receive the raw text, call the engine, delete on success.
        for (var round = 0; round < 20 && !(await sut.GetAsync(id)).IsCompleted; round++)
        {
            foreach (var queue in queues)
            {
                foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value)
                {
                    if (queue.Name == sut.Backend.WorkItemQueueName)
                    {
                        await sut.Worker.ProcessWorkItemMessageAsync(message.MessageText, message.DequeueCount);
                    }
                    else
                    {
                        await sut.Worker.ProcessControlMessageAsync(message.MessageText, message.DequeueCount);
                    }

                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
            }
        }

        Assert.Equal(60_002, (await sut.GetAsync(id)).ReadOutputAs<int>());

        // The trigger deletes consumed messages itself, so the backend cannot check a delete
        // decided from a cached history: it reads storage from the first delivery on.
        Assert.False(sut.Backend.IsHistoryCacheEnabled);
    }
}
