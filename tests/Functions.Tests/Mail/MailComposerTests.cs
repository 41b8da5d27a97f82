using GuanGong.Functions.Mail;

namespace GuanGong.Functions.Tests.Mail;

public sealed class MailComposerTests
{
    [Theory]
    [InlineData("请审核", "请审核")]
    [InlineData("a\r\nBcc: x@y", "a Bcc: x@y")]
    [InlineData("a\nb\rc\td", "a b c d")]
    [InlineData("\0a\u0001\u007f\u0085b\u2028c\u2029", "a b c")]
    [InlineData("  two  spaces  ", "two spaces")]
    [InlineData("关工委\u3000五好", "关工委\u3000五好")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void HeaderText_ControlCharactersAndLineBreaks_BecomeSingleSpaces(string? input, string expected)
    {
        Assert.Equal(expected, MailComposer.HeaderText(input));
    }

    [Fact]
    public void Sender_NameAndAddress_KeepsTheChineseName()
    {
        var from = MailComposer.Sender("关工委五好创建 <noreply@guangong.local>");

        Assert.Equal("关工委五好创建", from.Name);
        Assert.Equal("noreply@guangong.local", from.Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no address here")]
    [InlineData("a@b.example\r\nBcc: x@y.example")]
    public void Sender_NotOneMailbox_ThrowsNamingTheSetting(string from)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MailComposer.Sender(from));

        Assert.Contains("GuanGong:Mail:From", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("王\r\nBcc: spy@evil.cn")]
    [InlineData("王\nSubject: 假通知")]
    [InlineData("王\u2028芳\u202E")]
    public void Compose_LineBreakInDisplayNameOrSubject_HeadersStayOneLineEach(string name)
    {
        using var message = MailComposer.Compose(new OutgoingMail("v@example.cn", name, "请填报：" + name, "正文"), MailComposer.Sender("关工委 <noreply@example.cn>"), DateTimeOffset.UnixEpoch);
        using var written = new MemoryStream();
        message.WriteTo(written);
        var headers = System.Text.Encoding.ASCII.GetString(written.ToArray()).Split("\r\n\r\n")[0];

        Assert.DoesNotContain("\nBcc:", headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\nSubject: =?utf-8?b?5YGH", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Single(message.To.Mailboxes);
        Assert.Empty(message.Bcc);
        Assert.DoesNotContain(message.To.Mailboxes.Single().Name ?? string.Empty, c => char.IsControl(c) || c is '\u2028');
        Assert.All(headers.Split("\r\n"), line => Assert.True(line.Length == 0 || line[0] is ' ' or '\t' || line.Contains(':', StringComparison.Ordinal), line));
    }
}
