using GuanGong.Functions.Tests.Builders;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Mail;

namespace GuanGong.Functions.Tests.Mail;

public sealed class QuotedTextTests
{
    [Theory]
    [InlineData("详见 http://x", "详见 http[:]//x")]
    [InlineData("HTTPS://evil.example.com/login?a=1", "HTTPS[:]//evil[.]example[.]com/login?a=1")]
    [InlineData("请访问www.evil.cn补交", "请访问www[.]evil[.]cn补交")]
    [InlineData("登录 evil.com 查看", "登录 evil[.]com 查看")]
    [InlineData("联系 a@b.gov.cn", "联系 a@b[.]gov[.]cn")]
    [InlineData("mailto:a@b.cn", "mailto[:]a@b[.]cn")]
    [InlineData("javascript:alert(1)", "javascript[:]alert(1)")]
    [InlineData("服务器 10.0.0.1 上", "服务器 10[.]0[.]0[.]1 上")]
    [InlineData("扣 1.5 分，e.g. 台账不全", "扣 1.5 分，e.g. 台账不全")]
    [InlineData("第3.2条：活动记录不全。", "第3.2条：活动记录不全。")]
    [InlineData("第一行\r\n第二行", "第一行 第二行")]
    [InlineData(null, "")]
    public void Neutralise_LinksInReviewerText_AreNoLongerLinks(string? reason, string expected)
    {
        Assert.Equal(expected, QuotedText.Neutralise(reason));
    }

    [Fact]
    public void Returned_ReasonWithLinks_NeitherPartCarriesAClickableForeignLink()
    {
        var @case = new CaseBuilder(TreeBuilder.Standard(), "wx2026", 2026, TreeBuilder.Unit1).Build();

        var mail = CaseMail.Returned(@case, "村联系人", "v@example.cn", "https://guangong.example.cn/u/TOKEN", "请到 http://evil.example 或 www.evil.cn 重新登录", DateTimeOffset.UnixEpoch, provisional: false, "五好基层关工委");

        Assert.Contains("http[:]//evil[.]example", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("www[.]evil[.]cn", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("http://evil", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("www.evil", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://guangong.example.cn/u/TOKEN", mail.TextBody, StringComparison.Ordinal);
    }
}
