using Azure;
using GuanGong.Storage.Tables;

namespace GuanGong.Storage.Tests.Tables;

public sealed class TableEntityTests
{
    [Fact]
    public void TypedGetters_WrongType_ThrowInvalidOperation()
    {
        var entity = new TableEntity("p", "r") { ["S"] = "text", ["I"] = 5 };

        Assert.Throws<InvalidOperationException>(() => entity.GetInt32("S"));
        Assert.Throws<InvalidOperationException>(() => entity.GetGuid("I"));
        Assert.Throws<InvalidOperationException>(() => entity.GetBoolean("S"));
        Assert.Null(entity.GetString("missing"));
        Assert.Equal(5.0, entity.GetDouble("I"));
    }

    [Fact]
    public void SystemProperties_LiveInTheDictionaryLikeTheSdk()
    {
        var entity = new TableEntity("p", "r") { ETag = new ETag("W/\"x\""), Timestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        Assert.Equal("p", entity["PartitionKey"]);
        Assert.Equal("r", entity["RowKey"]);
        Assert.Equal("W/\"x\"", entity["odata.etag"]);
        Assert.Equal(4, entity.Count);

        entity["S"] = null!;
        Assert.False(entity.ContainsKey("S"));
    }
}
