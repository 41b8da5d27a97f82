using GuanGong.Storage.Tables;

namespace GuanGong.Storage.Tests.Tables;

public sealed class TableClientTransactionTests
{
    [Fact]
    public async Task SubmitTransactionAsync_MixedOperations_AppliesAllAndReturnsETags()
    {
        var (table, counter) = await TestStorage.NewTableAsync();
        var existing = await table.AddEntityAsync(new TableEntity("p", "update") { ["N"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "delete"));
        counter.Reset();

        var response = await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "add")),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "update") { ["N"] = 2 }, existing.Headers.ETag!.Value),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsert") { ["N"] = 3 }),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
        ]);

        Assert.Equal(202, response.GetRawResponse().Status);
        Assert.Equal(4, response.Value.Count);
        Assert.All(response.Value, r => Assert.Equal(204, r.Status));
        Assert.NotNull(response.Value[1].Headers.ETag);
        var updated = (await table.GetEntityAsync<TableEntity>("p", "update")).Value;
        Assert.Equal(2, updated.GetInt32("N"));
        Assert.Equal(response.Value[1].Headers.ETag!.Value.ToString(), updated.ETag.ToString());
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "delete")).HasValue);
        Assert.Equal(1, counter.Get("Table", "SubmitTransaction"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_SecondOperationConflicts_RollsBackAndReportsIndex()
    {
        var (table, _) = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken"));

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "new")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "taken")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "later")),
        ]));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Equal(1, ex.FailedTransactionActionIndex);
        Assert.Equal("taken", ex.FailedTransactionAction!.Entity.RowKey);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "new")).HasValue);
    }

    [Fact]
    public async Task SubmitTransactionAsync_StaleETag_Reports412WithIndex()
    {
        var (table, _) = await TestStorage.NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "sentinel"));
        await table.UpsertEntityAsync(new TableEntity("p", "sentinel") { ["V"] = 2 });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "h1")),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "h2")),
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("p", "sentinel"), first.Headers.ETag!.Value),
        ]));

        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.Equal(2, ex.FailedTransactionActionIndex);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "h1")).HasValue);
    }

    [Fact]
    public async Task SubmitTransactionAsync_HundredEntities_IsOneRequest()
    {
        var (table, counter) = await TestStorage.NewTableAsync();

        await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", i.ToString("D3")) { ["Payload"] = new string('x', 100) })));

        Assert.Equal(1, counter.Snapshot().Total);
        Assert.Equal(100, await table.QueryAsync<TableEntity>().CountAsync());
    }
}
