using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GuanGong.Functions.Mail;
using GuanGong.LocalStack.Mail;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Mail;

/// <summary>The MailKit sender against a real SMTP conversation on loopback (<see cref="SmtpSink"/>).</summary>
public sealed class MailKitDeliveryTests
{
    private static readonly OutgoingMail Review = new(
        "reviewer@town.example", "王审核（红星乡）", "请审核：红星村关工委 2026 年度自评", "请点击链接办理：\nhttp://127.0.0.1:7071/r/abc.def\n谢谢！", "<p>请点击<a href=\"http://127.0.0.1:7071/r/abc.def\">链接</a>办理。</p>");

    [Fact]
    public async Task SendAsync_ChineseNameSubjectTextAndHtml_RoundTripThroughSmtp()
    {
        await using var smtp = new SmtpSink();
        await using var sender = MailSenderHarness.Smtp(smtp.Port);

        await sender.SendAsync(Review, CancellationToken.None);

        var received = await smtp.WaitForAsync(_ => true);
        Assert.Equal(["reviewer@town.example"], received.To);
        var headers = MailFile.Parse(string.Empty, [], received.Raw);
        Assert.Equal(["王审核（红星乡） <reviewer@town.example>"], headers.To);
        Assert.Equal("关工委创建评估 <noreply@guangong.local>", headers.From);
        Assert.Equal(Review.Subject, received.Subject);
        Assert.Equal(Review.TextBody, received.Body.TrimEnd());
        Assert.Equal(Review.HtmlBody, received.HtmlBody?.TrimEnd());
        Assert.Equal(["http://127.0.0.1:7071/r/abc.def"], received.Links);
        Assert.NotNull(received.Date);
    }

    [Fact]
    public async Task SendAsync_ManyMailsInARow_ReuseOneConnection()
    {
        await using var smtp = new SmtpSink();
        await using var sender = MailSenderHarness.Smtp(smtp.Port);

        for (var i = 0; i < 5; i++)
        {
            await sender.SendAsync(Review with { Subject = $"邀请 {i}" }, CancellationToken.None);
        }

        Assert.Equal(5, smtp.Messages.Count);
        Assert.Equal(1, smtp.Connections);
        Assert.Equal(1, sender.ConnectionsOpened);
    }

    [Fact]
    public async Task SendAsync_ConcurrentSends_AllArriveWithinTheConnectionLimit()
    {
        await using var smtp = new SmtpSink();
        await using var sender = MailSenderHarness.Smtp(smtp.Port, s => s.MaxConnections = 3);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => sender.SendAsync(Review with { Subject = $"并发 {i}" }, CancellationToken.None)));

        Assert.Equal(20, smtp.Messages.Select(m => m.Subject).Distinct().Count());
        Assert.InRange(smtp.Connections, 1, 3);
    }

    [Fact]
    public async Task SendAsync_ServerDroppedTheIdleConnection_ReconnectsAndSends()
    {
        await using var smtp = new SmtpSink();
        await using var sender = MailSenderHarness.Smtp(smtp.Port);
        await sender.SendAsync(Review with { Subject = "第一封" }, CancellationToken.None);
        await smtp.WaitForAsync(m => m.Subject == "第一封");

        smtp.DropConnections();
        await sender.SendAsync(Review with { Subject = "第二封" }, CancellationToken.None);

        await smtp.WaitForAsync(m => m.Subject == "第二封");
        Assert.Equal(2, smtp.Connections);
        Assert.Equal(2, smtp.Messages.Count);
    }

    [Fact]
    public async Task SendAsync_NothingListensOnThePort_ThrowsMailDeliveryExceptionNamingTheServer()
    {
        var port = ClosedPort();
        await using var sender = MailSenderHarness.Smtp(port);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => sender.SendAsync(Review, CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("GuanGong:Mail:Smtp", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.IsType<SocketException>(error.InnerException);
    }

    [Fact]
    public async Task SendAsync_ServerNeverGreets_ThrowsMailDeliveryExceptionAfterTheTimeout()
    {
        // Accepts the connection (the kernel does, from the backlog) but never says 220.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;
            await using var sender = MailSenderHarness.Smtp(port, s => s.TimeoutSeconds = 1);
            var clock = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<MailDeliveryException>(() => sender.SendAsync(Review, CancellationToken.None));

            Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            await using var sender = MailSenderHarness.Smtp(((IPEndPoint)silent.LocalEndpoint).Port, s => s.TimeoutSeconds = 30);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.SendAsync(Review, cancel.Token));
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task SendAsync_CrLfInNameAndSubject_NoHeaderIsInjected()
    {
        await using var smtp = new SmtpSink();
        await using var sender = MailSenderHarness.Smtp(smtp.Port);

        await sender.SendAsync(
            new OutgoingMail("reviewer@town.example", "王\r\nBcc: evil@attacker.example", "请审核\r\nBcc: evil@attacker.example\r\n\r\n<b>正文</b>\0\u0001", "正文"),
            CancellationToken.None);

        var received = await smtp.WaitForAsync(_ => true);
        Assert.Equal(["reviewer@town.example"], received.To);
        Assert.DoesNotContain(HeaderLines(received.Raw), l => l.StartsWith("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("请审核 Bcc: evil@attacker.example <b>正文</b>", received.Subject);
        Assert.Equal(["王 Bcc: evil@attacker.example <reviewer@town.example>"], MailFile.Parse(string.Empty, [], received.Raw).To);
        Assert.Equal("正文", received.Body.TrimEnd());
    }

    [Theory]
    [InlineData("reviewer@town.example\r\nBcc: evil@attacker.example")]
    [InlineData("reviewer@town.example, evil@attacker.example")]
    [InlineData("王 <reviewer@town.example>")]
    [InlineData("not an address")]
    [InlineData("")]
    public async Task SendAsync_RecipientIsNotOneAddress_ThrowsAndSendsNothing(string address)
    {
        await using var smtp = new SmtpSink();
        await using var sender = MailSenderHarness.Smtp(smtp.Port);

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(Review with { ToAddress = address }, CancellationToken.None));

        Assert.Equal(0, smtp.Connections);
    }

    internal static IEnumerable<string> HeaderLines(string raw) =>
        raw.ReplaceLineEndings("\n").Split("\n\n")[0].Split('\n');

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
