using Azure;
using GuanGong.Storage.Tables;

namespace GuanGong.Storage.Tests.Tables;

public sealed class TableClientEntityTests
{
    [Fact]
    public async Task CreateIfNotExistsAsync_TableExists_Succeeds()
    {
        var (table, counter) = await TestStorage.NewTableAsync();

        var response = await table.CreateIfNotExistsAsync();

        Assert.Equal(409, response.GetRawResponse().Status);
        Assert.Equal(1, counter.Get("Table", "CreateTable"));
    }

    [Fact]
    public async Task CreateAsync_TableExists_Throws409TableAlreadyExists()
    {
        var (table, _) = await TestStorage.NewTableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.CreateAsync());

        Assert.Equal(409, ex.Status);
        Assert.Equal("TableAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public async Task AddEntityAsync_TypedProperties_RoundTrip()
    {
        var (table, _) = await TestStorage.NewTableAsync();
        var when = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 891, TimeSpan.Zero).AddTicks(2345);
        var id = Guid.NewGuid();
        var entity = new TableEntity("p'1", "r 1")
        {
            ["Text"] = "héllo \"quoted\"",
            ["Int"] = 42,
            ["Long"] = 1L << 40,
            ["SmallLong"] = 5L,
            ["Double"] = 1.5,
            ["WholeDouble"] = 3.0,
            ["Bool"] = true,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 1, 2, 3, 255 },
        };

        var added = await table.AddEntityAsync(entity);
        var read = (await table.GetEntityAsync<TableEntity>("p'1", "r 1")).Value;

        Assert.Equal(204, added.Status);
        Assert.Equal("héllo \"quoted\"", read.GetString("Text"));
        Assert.Equal(42, read["Int"]);
        Assert.Equal(1L << 40, read["Long"]);
        Assert.Equal(5L, read["SmallLong"]);
        Assert.Equal(1.5, read["Double"]);
        Assert.Equal(3.0, read["WholeDouble"]);
        Assert.Equal(true, read.GetBoolean("Bool"));
        Assert.Equal(when, read.GetDateTimeOffset("When"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 1, 2, 3, 255 }, read.GetBinary("Bytes"));
        Assert.Equal(42L, read.GetInt64("Int"));
        Assert.NotNull(read.Timestamp);
        Assert.NotEqual(default, read.ETag);
        Assert.Equal(added.Headers.ETag?.ToString(), read.ETag.ToString());
    }

    [Fact]
    public async Task AddEntityAsync_EntityExists_Throws409EntityAlreadyExists()
    {
        var (table, _) = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public async Task UpsertEntityAsync_Merge_KeepsOtherProperties()
    {
        var (table, counter) = await TestStorage.NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b" }, TableUpdateMode.Merge);
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal("a", read.GetString("A"));
        Assert.Equal("b", read.GetString("B"));
        Assert.Equal(2, counter.Get("Table", "UpsertEntity"));
    }

    [Fact]
    public async Task UpsertEntityAsync_Replace_DropsOtherProperties()
    {
        var (table, _) = await TestStorage.NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b" }, TableUpdateMode.Replace);
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.False(read.ContainsKey("A"));
        Assert.Equal("b", read.GetString("B"));
    }

    [Fact]
    public async Task UpdateEntityAsync_CurrentETag_SucceedsAndStaleETagThrows412()
    {
        var (table, _) = await TestStorage.NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });
        var etag = first.Headers.ETag!.Value;

        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }, etag, TableUpdateMode.Replace);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 3 }, etag));

        Assert.NotEqual(etag, second.Headers.ETag);
        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("N"));
    }

    [Fact]
    public async Task UpdateEntityAsync_Missing_Throws404()
    {
        var (table, _) = await TestStorage.NewTableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "nope"), ETag.All));

        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task GetEntityAsync_Missing_Throws404ResourceNotFound()
    {
        var (table, _) = await TestStorage.NewTableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "missing"));

        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task GetEntityIfExistsAsync_MissingAndPresent_ReportsHasValue()
    {
        var (table, _) = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "") { ["X"] = "x" });

        var missing = await table.GetEntityIfExistsAsync<TableEntity>("p", "missing");
        var present = await table.GetEntityIfExistsAsync<TableEntity>("p", "", select: ["X"]);

        Assert.False(missing.HasValue);
        Assert.True(present.HasValue);
        Assert.Equal("x", present.Value!.GetString("X"));
    }

    [Fact]
    public async Task DeleteEntityAsync_StaleETag_Throws412AndCurrentETagDeletes()
    {
        var (table, _) = await TestStorage.NewTableAsync();
        var added = await table.AddEntityAsync(new TableEntity("p", "r"));
        var updated = await table.UpsertEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", added.Headers.ETag!.Value));
        await table.DeleteEntityAsync("p", "r", updated.Headers.ETag!.Value);

        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task DeleteEntityAsync_Missing_IsNotAnError()
    {
        var (table, _) = await TestStorage.NewTableAsync();

        var response = await table.DeleteEntityAsync("p", "missing");

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task AddEntityAsync_TableMissing_Throws404TableNotFound()
    {
        var (table, _) = await TestStorage.NewTableAsync(create: false);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(404, ex.Status);
        Assert.Equal("TableNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task GetEntityAsync_Poco_MapsPublicProperties()
    {
        var (table, _) = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(new Order { PartitionKey = "p", RowKey = "r", Name = "n", Amount = 12.5, Count = 7L, Kind = OrderKind.Rush, At = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) });

        var order = (await table.GetEntityAsync<Order>("p", "r")).Value;

        Assert.Equal("n", order.Name);
        Assert.Equal(12.5, order.Amount);
        Assert.Equal(7L, order.Count);
        Assert.Equal(OrderKind.Rush, order.Kind);
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), order.At);
        Assert.NotEqual(default, order.ETag);
    }

    [Fact]
    public async Task DeleteAsync_Table_RemovesIt()
    {
        var (table, _) = await TestStorage.NewTableAsync();

        await table.DeleteAsync();
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(404, ex.Status);
    }

    public enum OrderKind
    {
        Normal,
        Rush,
    }

    public sealed class Order : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string? Name { get; set; }

        public double Amount { get; set; }

        public long Count { get; set; }

        public OrderKind Kind { get; set; }

        public DateTime At { get; set; }
    }
}
