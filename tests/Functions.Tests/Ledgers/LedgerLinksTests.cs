using GuanGong.Domain.Links;
using GuanGong.Functions.Http;
using GuanGong.Functions.Ledgers;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Ledgers;

public sealed class LedgerLinksTests
{
    private static readonly LinkKeyRing Ring = new(new LinkSigningKey("k1", new byte[32]));

    [Fact]
    public void Verify_FreshLink_NamesTheCaseAndLedger()
    {
        var sut = CreateSut(out _);

        var (url, _) = sut.Issue("2026-U1-ABCD", "0192abc", "admin");

        Assert.Equal(("2026-U1-ABCD", "0192abc"), sut.Verify(TokenOf(url)));
    }

    [Fact]
    public void Verify_AtFifteenMinutes_IsRefused()
    {
        var sut = CreateSut(out var time);
        var (url, expiresAt) = sut.Issue("2026-U1-ABCD", "0192abc", "admin");

        time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.NotNull(sut.Verify(TokenOf(url)));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(sut.Verify(TokenOf(url)));
        Assert.True(expiresAt <= time.GetUtcNow());
    }

    [Fact]
    public void Verify_LinkSignedWithAnotherKey_IsRefused()
    {
        var sut = CreateSut(out var time);
        var other = new LedgerLinks(new LinkKeyRing(new LinkSigningKey("k1", Enumerable.Repeat((byte)9, 32).ToArray())), time);

        var (url, _) = other.Issue("2026-U1-ABCD", "0192abc", "admin");

        Assert.Null(sut.Verify(TokenOf(url)));
    }

    [Fact]
    public void Verify_ReviewerTaskToken_IsRefused()
    {
        var sut = CreateSut(out var time);
        var reviewer = ApprovalTokens.Issue(new ApprovalTokenClaims("2026-U1-ABCD", 1, "r@x.cn", ApprovalActions.View, time.GetUtcNow().AddDays(1), "n"), Ring);

        Assert.Null(sut.Verify(reviewer));
    }

    [Fact]
    public void Uploader_UnitOfAnotherCase_IsNobody()
    {
        Assert.Equal("u@x.cn", CaseReaders.Uploader(new UnitCaller("U1", "2026-U1-ABCD", "u@x.cn"), "2026-U1-ABCD"));
        Assert.Null(CaseReaders.Uploader(new UnitCaller("U1", "2026-U1-ABCD", "u@x.cn"), "2026-U2-ABCD"));
        Assert.Null(CaseReaders.Uploader(new CommitteeCaller("T1", "api-key"), "2026-U1-ABCD"));
        Assert.Null(CaseReaders.Uploader(null, "2026-U1-ABCD"));
        Assert.Equal("admin", CaseReaders.Uploader(new AdminCaller(), "2026-U1-ABCD"));
    }

    private static LedgerLinks CreateSut(out FakeTimeProvider time)
    {
        time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        return new LedgerLinks(Ring, time);
    }

    private static string TokenOf(string url) => Uri.UnescapeDataString(url[(url.IndexOf("?d=", StringComparison.Ordinal) + 3)..]);
}
