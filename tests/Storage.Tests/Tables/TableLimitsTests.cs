using GuanGong.Storage.Tables;

namespace GuanGong.Storage.Tests.Tables;

/// <summary>Azurite accepts all of these; Azure does not. They must fail here, before any request.</summary>
public sealed class TableLimitsTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("under_score")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public async Task GetTableClient_InvalidName_ThrowsBeforeAnyRequest(string name)
    {
        var counter = new StorageRequestCounter();
        var service = new TableServiceClient(await TestStorage.AccountAsync(), new TableClientOptions { RequestCounter = counter });

        Assert.Throws<ArgumentException>(() => service.GetTableClient(name));
        await Assert.ThrowsAsync<ArgumentException>(() => service.CreateTableIfNotExistsAsync(name));
        Assert.Equal(0, counter.Total);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    [InlineData("a\u007Fb")]
    public async Task AddEntityAsync_ForbiddenKeyCharacter_ThrowsBeforeAnyRequest(string key)
    {
        var (table, counter) = await TestStorage.NewTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(key, "r")));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertEntityAsync(new TableEntity("p", key)));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityAsync<TableEntity>("p", key));

        Assert.Equal(0, counter.Total);
    }

    [Fact]
    public async Task AddEntityAsync_KeyOver1KiB_ThrowsBeforeAnyRequest()
    {
        var (table, counter) = await TestStorage.NewTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(new string('k', 513), "r")));
        await table.AddEntityAsync(new TableEntity(new string('k', 512), "r"));

        Assert.Equal(1, counter.Total);
    }

    [Fact]
    public async Task AddEntityAsync_Over1MiB_ThrowsBeforeAnyRequest()
    {
        var (table, counter) = await TestStorage.NewTableAsync();
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 17; i++)
        {
            entity["S" + i] = new string('x', 32 * 1024); // 17 × 64 KiB > 1 MiB
        }

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(entity));

        Assert.Contains("1 MiB", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, counter.Total);
    }

    [Fact]
    public async Task AddEntityAsync_OversizeProperty_ThrowsBeforeAnyRequest()
    {
        var (table, counter) = await TestStorage.NewTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["S"] = new string('x', (32 * 1024) + 1) }));
        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["B"] = new byte[(64 * 1024) + 1] }));

        Assert.Equal(0, counter.Total);
    }

    [Fact]
    public async Task AddEntityAsync_256Properties_ThrowsBeforeAnyRequest()
    {
        var (table, counter) = await TestStorage.NewTableAsync();
        var tooMany = new TableEntity("p", "r");
        var justRight = new TableEntity("p", "ok");
        for (var i = 0; i < 253; i++)
        {
            tooMany["P" + i] = i;
            if (i < 252)
            {
                justRight["P" + i] = i;
            }
        }

        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(tooMany));
        Assert.Equal(0, counter.Total);
        await table.AddEntityAsync(justRight);
        Assert.Equal(252, (await table.GetEntityAsync<TableEntity>("p", "ok")).Value.Count(p => p.Key.Length > 1 && p.Key[0] == 'P' && char.IsDigit(p.Key[1])));
    }

    [Fact]
    public async Task SubmitTransactionAsync_MixedPartitions_ThrowsBeforeAnyRequest()
    {
        var (table, counter) = await TestStorage.NewTableAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p1", "r")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p2", "r")),
        ]));

        Assert.Contains("one partition", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, counter.Total);
    }

    [Fact]
    public async Task SubmitTransactionAsync_TooManyOrDuplicateOrTooLarge_ThrowsBeforeAnyRequest()
    {
        var (table, counter) = await TestStorage.NewTableAsync();
        var big = new string('x', 30 * 1024);

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", i.ToString())))));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("p", "r")), new(TableTransactionActionType.Delete, new TableEntity("p", "r"))]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));
        var oversize = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", i.ToString()) { ["A"] = big, ["B"] = big }))));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("p", "bad/key"))]));

        Assert.Contains("4 MiB", oversize.Message, StringComparison.Ordinal);
        Assert.Equal(0, counter.Total);
    }

    [Fact]
    public async Task AddEntityAsync_UnsupportedPropertyType_ThrowsBeforeAnyRequest()
    {
        var (table, counter) = await TestStorage.NewTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["D"] = 1.5m }));

        Assert.Equal(0, counter.Total);
    }
}
