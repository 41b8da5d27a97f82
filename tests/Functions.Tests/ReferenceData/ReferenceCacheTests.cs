using GuanGong.Functions.ReferenceData;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.ReferenceData;

public sealed class ReferenceCacheTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new();
    private int _reads;

    [Fact]
    public async Task GetAsync_WithinMaxAge_ServesTheHeldValueWithoutReading()
    {
        var sut = CreateSut();
        await sut.GetAsync("k", Read("first"), CancellationToken.None);
        _time.Advance(MaxAge - TimeSpan.FromMilliseconds(1));

        var value = await sut.GetAsync("k", Read("second"), CancellationToken.None);

        Assert.Equal("first", value);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_AtMaxAge_ReadsAgain()
    {
        var sut = CreateSut();
        await sut.GetAsync("k", Read("first"), CancellationToken.None);
        _time.Advance(MaxAge);

        Assert.Equal("second", await sut.GetAsync("k", Read("second"), CancellationToken.None));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task GetAsync_MissingValue_IsHeldForTheBoundToo()
    {
        var sut = CreateSut();
        await sut.GetAsync("k", Read(null), CancellationToken.None);

        Assert.Null(await sut.GetAsync("k", Read("created elsewhere"), CancellationToken.None));
        _time.Advance(MaxAge);
        Assert.Equal("created elsewhere", await sut.GetAsync("k", Read("created elsewhere"), CancellationToken.None));
    }

    [Fact]
    public async Task Invalidate_AfterThisHostsWrite_NextGetReadsAtOnce()
    {
        var sut = CreateSut();
        await sut.GetAsync("k", Read("old"), CancellationToken.None);

        sut.Invalidate("k");

        Assert.Equal("new", await sut.GetAsync("k", Read("new"), CancellationToken.None));
    }

    [Fact]
    public async Task Invalidate_DuringARead_TheReadIsReturnedButNotKept()
    {
        var sut = CreateSut();
        var release = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = sut.GetAsync("k", _ => release.Task, CancellationToken.None);

        sut.Invalidate("k");
        release.SetResult("read before the write");

        Assert.Equal("read before the write", await slow);
        Assert.Equal("after the write", await sut.GetAsync("k", Read("after the write"), CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_ZeroMaxAge_AlwaysReads()
    {
        var sut = new ReferenceCache<string, string?>(_time, TimeSpan.Zero);
        await sut.GetAsync("k", Read("first"), CancellationToken.None);

        Assert.Equal("second", await sut.GetAsync("k", Read("second"), CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_ManyKeys_HoldsAtMostMaxEntries()
    {
        var sut = CreateSut();
        for (var i = 0; i <= ReferenceCache<string, string?>.MaxEntries; i++)
        {
            await sut.GetAsync($"k{i}", Read("v"), CancellationToken.None);
        }

        _reads = 0;
        await sut.GetAsync("k0", Read("v"), CancellationToken.None);

        Assert.Equal(1, _reads);
    }

    private ReferenceCache<string, string?> CreateSut() => new(_time, MaxAge);

    private Func<CancellationToken, Task<string?>> Read(string? value) => _ =>
    {
        _reads++;
        return Task.FromResult(value);
    };
}
