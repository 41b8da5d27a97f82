using Azure;
using GuanGong.Storage.Queues;

namespace GuanGong.Storage.Tests.Queues;

public sealed class QueueClientTests
{
    [Fact]
    public async Task SendMessageAsync_ThenReceive_RoundTripsUnicodeAndXmlCharacters()
    {
        var (queue, counter) = await TestStorage.NewQueueAsync();
        const string text = "<hello & 世界> \"quoted\" \u0001";

        var receipt = await queue.SendMessageAsync(text);
        var received = Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 5, visibilityTimeout: TimeSpan.FromSeconds(30))).Value);

        Assert.Equal(receipt.Value.MessageId, received.MessageId);
        Assert.Equal(text, received.Body.ToString());
        Assert.Equal(text, received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.NotNull(received.InsertedOn);
        Assert.True(received.NextVisibleOn > received.InsertedOn);
        Assert.False(string.IsNullOrEmpty(received.PopReceipt));
        Assert.Equal(1, counter.Get("Queue", "PutMessage"));
        Assert.Equal(1, counter.Get("Queue", "GetMessages"));
    }

    [Fact]
    public async Task SendMessageAsync_VisibilityDelay_HidesMessage()
    {
        var (queue, _) = await TestStorage.NewQueueAsync();

        await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(60), timeToLive: TimeSpan.FromMinutes(5));
        var received = await queue.ReceiveMessagesAsync();
        var properties = await queue.GetPropertiesAsync();

        Assert.Empty(received.Value);
        Assert.Equal(1, properties.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task SendMessageAsync_TimeToLive_SetsExpiry()
    {
        var (queue, _) = await TestStorage.NewQueueAsync();

        var shortLived = await queue.SendMessageAsync("x", timeToLive: TimeSpan.FromMinutes(2));
        var forever = await queue.SendMessageAsync("y", timeToLive: Timeout.InfiniteTimeSpan);

        Assert.InRange(shortLived.Value.ExpirationTime - shortLived.Value.InsertionTime, TimeSpan.FromSeconds(119), TimeSpan.FromSeconds(121));
        Assert.True(forever.Value.ExpirationTime.Year >= 9999);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_Twice_DequeueCountRisesAfterVisibilityLapses()
    {
        var (queue, _) = await TestStorage.NewQueueAsync();
        await queue.SendMessageAsync("x");

        var first = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value.Single();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value.Single();

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_ThirtyTwo_ReturnsUpToThirtyTwo()
    {
        var (queue, _) = await TestStorage.NewQueueAsync();
        for (var i = 0; i < 40; i++)
        {
            await queue.SendMessageAsync(i.ToString());
        }

        var received = await queue.ReceiveMessagesAsync(maxMessages: 32);

        Assert.Equal(32, received.Value.Length);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(maxMessages: 33));
    }

    [Fact]
    public async Task UpdateMessageAsync_NewPopReceipt_OldOneIsDead()
    {
        var (queue, _) = await TestStorage.NewQueueAsync();
        await queue.SendMessageAsync("v1");
        var received = (await queue.ReceiveMessagesAsync()).Value.Single();

        var updated = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, "v2", TimeSpan.Zero);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        var again = (await queue.ReceiveMessagesAsync()).Value.Single();

        Assert.NotEqual(received.PopReceipt, updated.Value.PopReceipt);
        Assert.Equal(400, ex.Status);
        Assert.Equal("PopReceiptMismatch", ex.ErrorCode);
        Assert.Equal("v2", again.MessageText);
    }

    [Fact]
    public async Task UpdateMessageAsync_VisibilityOnly_KeepsText()
    {
        var (queue, _) = await TestStorage.NewQueueAsync();
        await queue.SendMessageAsync("keep");
        var received = (await queue.ReceiveMessagesAsync()).Value.Single();

        var updated = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        var again = (await queue.ReceiveMessagesAsync()).Value.Single();

        Assert.Equal("keep", again.MessageText);
        Assert.Equal(received.Update(updated.Value).PopReceipt, updated.Value.PopReceipt);
    }

    [Fact]
    public async Task DeleteMessageAsync_Received_RemovesIt()
    {
        var (queue, counter) = await TestStorage.NewQueueAsync();
        await queue.SendMessageAsync("x");
        var received = (await queue.ReceiveMessagesAsync()).Value.Single();

        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(1, counter.Get("Queue", "DeleteMessage"));
        Assert.Equal(1, counter.Get("Queue", "GetQueueMetadata"));
    }

    [Fact]
    public async Task PeekMessagesAsync_DoesNotReceive()
    {
        var (queue, _) = await TestStorage.NewQueueAsync();
        await queue.SendMessageAsync("a");
        await queue.SendMessageAsync("b");

        var peeked = await queue.PeekMessagesAsync(maxMessages: 10);
        var received = await queue.ReceiveMessagesAsync(maxMessages: 10);

        Assert.Equal(["a", "b"], peeked.Value.Select(m => m.MessageText));
        Assert.All(peeked.Value, m => Assert.Equal(0, m.DequeueCount));
        Assert.Equal(2, received.Value.Length);
    }

    [Fact]
    public async Task SendMessageAsync_QueueMissing_Throws404QueueNotFound()
    {
        var (queue, _) = await TestStorage.NewQueueAsync(create: false);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("x"));

        Assert.Equal(404, ex.Status);
        Assert.Equal("QueueNotFound", ex.ErrorCode);
        Assert.False((await queue.ExistsAsync()).Value);
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_Exists_SucceedsAndDeleteIfExistsReports()
    {
        var (queue, _) = await TestStorage.NewQueueAsync();

        await queue.CreateIfNotExistsAsync();
        var deleted = await queue.DeleteIfExistsAsync();
        var deletedAgain = await queue.DeleteIfExistsAsync();

        Assert.True(deleted.Value);
        Assert.False(deletedAgain.Value);
    }

    [Fact]
    public async Task SendMessageAsync_Oversize_RefusedBeforeAnyRequest()
    {
        var (queue, counter) = await TestStorage.NewQueueAsync();

        Assert.Throws<ArgumentException>(() => { _ = queue.SendMessageAsync(new string('x', 49 * 1024)); });
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", visibilityTimeout: TimeSpan.FromDays(8)));

        Assert.Equal(0, counter.Snapshot().Total);
        await queue.SendMessageAsync(new string('x', 48 * 1024));
    }

    [Fact]
    public async Task SendMessageAsync_NoEncoding_TravelsAsXmlText()
    {
        var (queue, _) = await TestStorage.NewQueueAsync(options: new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await queue.SendMessageAsync("<a & b>");
        var received = (await queue.ReceiveMessagesAsync()).Value.Single();

        Assert.Equal("<a & b>", received.MessageText);
    }

    [Fact]
    public async Task GetQueueClient_InvalidName_Throws()
    {
        var account = await TestStorage.AccountAsync();
        var service = new QueueServiceClient(account);

        Assert.Throws<ArgumentException>(() => service.GetQueueClient("Upper"));
        Assert.Throws<ArgumentException>(() => service.GetQueueClient("a--b"));
        Assert.Throws<ArgumentException>(() => service.GetQueueClient("ab"));
    }
}
