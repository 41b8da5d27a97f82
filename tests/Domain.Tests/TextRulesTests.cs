namespace GuanGong.Domain.Tests;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData('\r')]
    [InlineData('\n')]
    [InlineData('\0')]
    [InlineData('\u0085')]
    [InlineData('\u2028')]
    [InlineData('\u202A')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2069')]
    [InlineData('\u200F')]
    public void IsUnsafe_ControlLineBreakAndBidi_True(char c)
    {
        Assert.True(TextRules.IsUnsafe(c));
    }

    [Theory]
    [InlineData("龙门村关工委（\"五好\"示范点）")]
    [InlineData("A, B 社区\u3000二部")]
    [InlineData("")]
    [InlineData(null)]
    public void FirstUnsafe_OrdinaryNames_None(string? name)
    {
        Assert.Null(TextRules.FirstUnsafe(name));
    }
}
