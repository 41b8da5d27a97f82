using System.Globalization;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Tests.Builders;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.CaseStorage;

/// <summary>
/// How a process takes receipt numbers from its county's counter row, on the real Azurite: everyday submissions take
/// blocks of ten; a burst (blocks used up within seconds) grows them and takes the next one ahead, so a deadline day's
/// submissions do not queue behind the counter's two requests every ten numbers; a calm minute sets the size back.
/// </summary>
public sealed class ReceiptNumberBlockTests
{
    private const string CampaignId = "camp-receipts";

    [Fact]
    public async Task TakeAsync_300AtOnceForOneCounty_ContiguousAndFewCounterWrites()
    {
        var (tables, requests) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var receipts = new ReceiptNumbers(tables, new CaseStore(tables), new FakeTimeProvider());
        var record = new CaseBuilder(TreeBuilder.Standard(), CampaignId, 2026, TreeBuilder.Unit1).Build();
        var first = await receipts.TakeAsync(record, CancellationToken.None);
        requests.Reset();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => Task.Run(() => receipts.TakeAsync(record, CancellationToken.None))));

        Assert.Equal(300, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(2, 300), numbers.Select(Sequence).Order());
        Assert.All(numbers, n => Assert.StartsWith(first[..9], n, StringComparison.Ordinal));
        // Blocks of ten would be 30 counter writes; growing blocks (20, 40, 80, then 80 taken ahead) take a handful.
        var writes = requests.Get("Table", "UpdateEntity") + requests.Get("Table", "InsertEntity");
        Assert.InRange(writes, 1, 8);
    }

    [Fact]
    public async Task TakeAsync_CalmAfterABurst_BlocksBackToTen()
    {
        var (tables, _) = await CaseTables.OpenAsync(CaseTables.NewPrefix());
        var clock = new FakeTimeProvider();
        var receipts = new ReceiptNumbers(tables, new CaseStore(tables), clock);
        var record = new CaseBuilder(TreeBuilder.Standard(), CampaignId, 2026, TreeBuilder.Unit1).Build();
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => receipts.TakeAsync(record, CancellationToken.None)));

        // One submission every two minutes: the burst's block is used up first, nothing is taken ahead any more, and
        // every block after it is ten.
        var reserved = new List<long>();
        var last = await CounterAsync(tables);
        for (var i = 0; i < 400 && reserved.Count < 3; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(2));
            await receipts.TakeAsync(record, CancellationToken.None);
            var now = await CounterAsync(tables);
            if (now != last)
            {
                reserved.Add(now - last);
                last = now;
            }
        }

        Assert.Equal([ReceiptNumbers.BlockSize, ReceiptNumbers.BlockSize, ReceiptNumbers.BlockSize], reserved);
    }

    private static int Sequence(string number) => int.Parse(number[^4..], CultureInfo.InvariantCulture);

    private static async Task<long> CounterAsync(Records.AppTables tables) =>
        (await tables.Counters.GetAsync("case-2026", TreeBuilder.County, CancellationToken.None))!.Value.Last;
}
