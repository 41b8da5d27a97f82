using GuanGong.Functions.Mail;
using GuanGong.Reliability.Tests.Infrastructure;

namespace GuanGong.Reliability.Tests.Hardening;

/// <summary>Issue 17 point 11: a reviewer's reason goes into the unit's plain-text mail with its links made unclickable.</summary>
public sealed class QuotedReasonTests
{
    [Fact]
    public void Neutralise_LinksInReviewerText_NoneLeftClickable()
    {
        var reasons = new[] { "请登录 https://evil.example.com/login?a=1 补交", "访问www.evil.cn", "mailto:a@b.cn", "javascript:alert(1)", "服务器 10.0.0.1 上" };
        var quoted = reasons.Select(QuotedText.Neutralise).ToList();

        Assert.All(quoted, q => Assert.DoesNotMatch(@"(?i)(https?|mailto|javascript):|www\.|\w\.\w", q));
        Assert.Equal("请登录 https[:]//evil[.]example[.]com/login?a=1 补交", quoted[0]);
        ResultsTable.Add("Hardening", "links in a reviewer's reason quoted into the unit's plain-text mail (http(s), www., mailto:, javascript:, bare IPs)", $"{quoted.Count} of {reasons.Length} neutralised ([:], [.])", "none clickable", true);
    }
}
