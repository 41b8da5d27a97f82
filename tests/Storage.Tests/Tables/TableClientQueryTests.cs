using GuanGong.Storage.Tables;

namespace GuanGong.Storage.Tests.Tables;

public sealed class TableClientQueryTests
{
    [Fact]
    public async Task QueryAsync_MoreThan1000Entities_PagesTransparently()
    {
        var (table, counter) = await TestStorage.NewTableAsync();
        const int total = 1100;
        for (var batch = 0; batch < total / 100; batch++)
        {
            var actions = Enumerable.Range(batch * 100, 100)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", i.ToString("D5")) { ["I"] = i }));
            await table.SubmitTransactionAsync(actions);
        }

        var seen = new List<int>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter: "PartitionKey eq 'p'"))
        {
            seen.Add(entity.GetInt32("I")!.Value);
        }

        Assert.Equal(Enumerable.Range(0, total), seen);
        Assert.Equal(11, counter.Get("Table", "SubmitTransaction"));
        Assert.Equal(2, counter.Get("Table", "QueryEntities"));
    }

    [Fact]
    public async Task QueryAsync_MaxPerPage_ReturnsPagesOfThatSizeWithContinuation()
    {
        var (table, counter) = await TestStorage.NewTableAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 25).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", $"r{i:D2}"))));

        var pages = new List<int>();
        await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: 10).AsPages())
        {
            pages.Add(page.Values.Count);
        }

        Assert.Equal([10, 10, 5], pages);
    }

    [Fact]
    public async Task QueryAsync_FilterBuiltWithCreateQueryFilter_EscapesValues()
    {
        var (table, _) = await TestStorage.NewTableAsync();
        var id = Guid.NewGuid();
        var when = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        await table.AddEntityAsync(new TableEntity("o'brien", "1") { ["Big"] = 5_000_000_000L, ["Id"] = id, ["When"] = when, ["Ok"] = true });
        await table.AddEntityAsync(new TableEntity("o'brien", "2") { ["Big"] = 1L, ["Id"] = Guid.NewGuid(), ["When"] = when.AddDays(-10), ["Ok"] = true });
        await table.AddEntityAsync(new TableEntity("other", "1") { ["Big"] = 5_000_000_000L });

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"o'brien"} and Big ge {4_000_000_000L} and Id eq {id} and When ge {when.AddDays(-1)} and Ok eq {true}");
        var found = await table.QueryAsync<TableEntity>(filter).ToListAsync();

        Assert.Equal("PartitionKey eq 'o''brien' and Big ge 4000000000L and Id eq guid'" + id + "' and When ge datetime'2026-04-30T00:00:00.0000000Z' and Ok eq true", filter);
        Assert.Equal("1", Assert.Single(found).RowKey);
    }

    [Fact]
    public async Task QueryAsync_Select_ReturnsOnlyThoseProperties()
    {
        var (table, _) = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        var entity = Assert.Single(await table.QueryAsync<TableEntity>(select: ["A"]).ToListAsync());

        Assert.Equal("a", entity.GetString("A"));
        Assert.False(entity.ContainsKey("B"));
    }

    [Fact]
    public void CreateQueryFilter_InjectionAttempt_StaysALiteral()
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {"x' or RowKey ne 'x"}");

        Assert.Equal("RowKey eq 'x'' or RowKey ne ''x'", filter);
    }

    [Fact]
    public void CreateQueryFilter_NumbersAndBinary_UseODataLiterals()
    {
        Assert.Equal("A eq 3 and B eq 3L and C eq 3.0 and D eq 0.5 and E eq X'01FF'", TableClient.CreateQueryFilter($"A eq {3} and B eq {3L} and C eq {3.0} and D eq {0.5} and E eq {new byte[] { 1, 255 }}"));
    }
}
