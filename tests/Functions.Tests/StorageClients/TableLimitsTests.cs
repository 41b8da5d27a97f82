using Azure.Data.Tables;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Tests.StorageClients;

/// <summary>The Azure limits Azurite does not enforce, checked in our code before a request leaves.</summary>
public sealed class TableLimitsTests
{
    [Fact]
    public void CheckTransaction_TwoPartitions_Throws()
    {
        var actions = new[] { Add("a", "1"), Add("b", "2") };

        var ex = Assert.Throws<ArgumentException>(() => TableLimits.CheckTransaction(actions));

        Assert.Contains("one partition", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckTransaction_101Operations_Throws()
    {
        var actions = Enumerable.Range(0, 101).Select(i => Add("a", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        Assert.Throws<ArgumentException>(() => TableLimits.CheckTransaction(actions));
    }

    [Fact]
    public void CheckTransaction_SameRowTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableLimits.CheckTransaction([Add("a", "1"), Add("a", "1")]));
    }

    [Fact]
    public void CheckTransaction_100OperationsOnePartition_Passes()
    {
        TableLimits.CheckTransaction([.. Enumerable.Range(0, 100).Select(i => Add("a", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
    }

    [Fact]
    public void Check_BinaryPropertyOver64KiB_Throws()
    {
        var entity = new TableEntity("a", "1") { ["Json"] = new byte[(64 * 1024) + 1] };

        Assert.Throws<ArgumentException>(() => TableLimits.Check(entity));
    }

    [Fact]
    public void Check_EntityOver1MiB_Throws()
    {
        var entity = new TableEntity("a", "1");
        for (var i = 0; i < 17; i++)
        {
            entity["Json" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new byte[63 * 1024];
        }

        Assert.Throws<ArgumentException>(() => TableLimits.Check(entity));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a\u0001b")]
    public void Check_KeyWithAForbiddenCharacter_Throws(string rowKey)
    {
        Assert.Throws<ArgumentException>(() => TableLimits.Check(new TableEntity("a", rowKey)));
    }

    private static TableTransactionAction Add(string partitionKey, string rowKey) =>
        new(TableTransactionActionType.Add, new TableEntity(partitionKey, rowKey) { ["Json"] = new byte[10] });
}
