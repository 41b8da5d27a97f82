using GuanGong.Functions.Audit;
using GuanGong.Functions.Tests.ReferenceData;

namespace GuanGong.Functions.Tests.Audit;

/// <summary>The audit log on real tables, with two instances standing for two hosts appending to one stream.</summary>
public sealed class AuditLogTests
{
    private static readonly RequestOrigin Origin = new("203.0.113.7", "Mozilla/5.0");

    [Fact]
    public async Task AppendAsync_TwoHostsTakingTurns_KeepOneUnbrokenChain()
    {
        var hosts = await TwoHosts.StartAsync();
        var (first, second) = (CreateSut(hosts), CreateSut(hosts));
        var stream = NewStream();

        for (var i = 0; i < 6; i++)
        {
            await (i % 2 == 0 ? first : second).AppendAsync(stream, "system", $"step {i}", null, null, CancellationToken.None);
        }

        var entries = await first.ReadAsync(stream, CancellationToken.None);
        Assert.Equal(6, entries.Count);
        Assert.Null(AuditChain.FindFirstBreak(entries));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"step {i}"), entries.Select(e => e.Action));
    }

    [Fact]
    public async Task AppendAsync_HeadKnownToThisHost_InsertsWithoutReadingTheStream()
    {
        var hosts = await TwoHosts.StartAsync();
        var sut = CreateSut(hosts);
        var stream = NewStream();
        await sut.AppendAsync(stream, "system", "first", null, null, CancellationToken.None);
        hosts.Storage.RequestCounter.Reset();

        await sut.AppendAsync(stream, "system", "second", null, null, CancellationToken.None);

        Assert.Equal(1, hosts.Storage.RequestCounter.Get("Table", "InsertEntity"));
        Assert.Equal(1, hosts.Storage.RequestCounter.Total);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentWritersOnTwoHosts_NoForkNoGap()
    {
        var hosts = await TwoHosts.StartAsync();
        var (first, second) = (CreateSut(hosts), CreateSut(hosts));
        var stream = NewStream();
        await first.AppendAsync(stream, "system", "opened", null, null, CancellationToken.None);
        await second.ReadAsync(stream, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).AppendAsync(stream, "system", $"racer {i}", null, null, CancellationToken.None)));

        var entries = await first.ReadAsync(stream, CancellationToken.None);
        Assert.Equal(9, entries.Count);
        Assert.Null(AuditChain.FindFirstBreak(entries));
    }

    [Fact]
    public async Task AppendOnceAsync_RunTwiceOnTwoHosts_RecordsTheStepOnceWithItsOrigin()
    {
        var hosts = await TwoHosts.StartAsync();
        var (first, second) = (CreateSut(hosts), CreateSut(hosts));
        var stream = NewStream();
        var submittedAt = new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);
        await first.AppendAsync(stream, "unit@example.cn", "上传台账", "A1：花名册.pdf", Origin, CancellationToken.None);

        foreach (var host in new[] { first, second, first })
        {
            await host.AppendOnceAsync(stream, e => e.Action == "提交自评", submittedAt, "unit@example.cn", "提交自评", "自评得分 95 分", Origin, CancellationToken.None);
        }

        var entries = await second.ReadAsync(stream, CancellationToken.None);
        var submitted = Assert.Single(entries, e => e.Action == "提交自评");
        Assert.Equal(2, entries.Count);
        Assert.Null(AuditChain.FindFirstBreak(entries));
        Assert.Equal(submittedAt, submitted.At);
        Assert.Equal(("203.0.113.7", "Mozilla/5.0"), (submitted.IpAddress, submitted.UserAgent));
    }

    private static AuditLog CreateSut(TwoHosts hosts) => new(hosts.Tables, hosts.Time);

    private static string NewStream() => "case-" + Guid.NewGuid().ToString("N")[..12];
}
