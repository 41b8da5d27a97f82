using Azure.Data.Tables;
using GuanGong.Functions.Records;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.CaseStorage;

/// <summary>
/// Rows written before the move to the Azure SDK (by the project's own REST client, GuanGong.Storage)
/// read the same through the SDK: the record in its binary <c>Json</c>, <c>Json1</c>… chunks and
/// the filter columns (bool, int, string). The old client is gone; the row is written here by raw REST
/// in exactly its wire shape (Edm.Binary chunks, typed columns), signed with the account key.
/// </summary>
public sealed class StoredShapeTests
{
    [Fact]
    public async Task GetAndQuery_RowWrittenByTheOldRestClient_ReadTheSameRecordAndColumns()
    {
        var azurite = await SharedAzurite.GetAsync();
        var name = SharedAzurite.UniqueName("oldshape");
        var storage = AppStorage.Create(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
        }).Build());
        await storage.Tables.GetTableClient(name).CreateIfNotExistsAsync();

        // Large enough for several 60 KiB chunks.
        var sample = new Sample(string.Concat(Enumerable.Repeat("关心下一代工作委员会台账。", 12_000)), 42);
        var columns = new Dictionary<string, object> { ["Applied"] = true, ["Year"] = 2026, ["CampaignId"] = "camp-old" };
        var old = RecordTable<Sample>.Write("p", "r", sample, columns);
        Assert.Contains("Json3", old.Keys);
        await OldRestClient.InsertAsync(azurite.Endpoints, name, old);
        var table = new RecordTable<Sample>(storage.Tables.GetTableClient(name));

        var read = await table.GetAsync("p", "r");
        var queried = new List<StoredRecord<Sample>>();
        await foreach (var row in table.QueryAsync(TableClient.CreateQueryFilter($"Applied eq {true} and Year eq {2026} and CampaignId eq {"camp-old"}")))
        {
            queried.Add(row);
        }


        Assert.Equal(sample, read!.Value);
        Assert.NotEqual(default, read.ETag);
        Assert.Equal(sample, Assert.Single(queried).Value);
        var entity = (await table.Client.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.True(entity.GetBoolean("Applied"));
        Assert.Equal(2026, entity.GetInt32("Year"));
        Assert.Equal("camp-old", entity.GetString("CampaignId"));
    }

    [Fact]
    public void Write_RecordOverTheRowLimit_Throws()
    {
        var huge = new Sample(new string('x', 1024 * 1024), 1);

        Assert.Throws<InvalidOperationException>(() => RecordTable<Sample>.Write("p", "r", huge, null));
    }

    public sealed record Sample(string Text, int Number);
}
