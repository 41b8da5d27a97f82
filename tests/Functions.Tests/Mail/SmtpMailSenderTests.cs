using GuanGong.Functions.Mail;
using GuanGong.LocalStack.Mail;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Mail;

public sealed class SmtpMailSenderTests
{
    [Fact]
    public async Task SendAsync_SmtpDelivery_ServerReceivesChineseSubjectBodyAndLink()
    {
        await using var smtp = new SmtpSink();
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["GuanGong:Mail:Delivery"] = "Smtp",
            ["GuanGong:Mail:Smtp:Host"] = "127.0.0.1",
            ["GuanGong:Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var sender = app.Services.GetRequiredService<IMailSender>();

        await sender.SendAsync(
            new OutgoingMail("reviewer@town.example", "王审核", "请审核：红星村关工委 2026 年度自评", "请点击链接办理：\nhttp://127.0.0.1:7071/r/abc.def\n谢谢！"),
            CancellationToken.None);

        var mail = await smtp.WaitForAsync(m => m.Subject.Contains("红星村", StringComparison.Ordinal));
        Assert.Equal(["reviewer@town.example"], mail.To);
        Assert.Contains("请点击链接办理", mail.Body, StringComparison.Ordinal);
        Assert.Equal(["http://127.0.0.1:7071/r/abc.def"], mail.Links);
    }

    [Fact]
    public async Task SendAsync_PickupDelivery_WritesEmlTheMailboxPageLists()
    {
        await using var app = await RunningApp.StartAsync();
        var sender = app.Services.GetRequiredService<IMailSender>();

        await sender.SendAsync(new OutgoingMail("unit@village.example", null, "自评已受理", "案件编号 GG-2026-0001", "<p>案件编号 <b>GG-2026-0001</b></p>"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(app.MailFolder!, "*.eml"));
        var mail = MailFile.Load(file);
        Assert.Equal("自评已受理", mail.Subject);
        Assert.Contains("GG-2026-0001", mail.Body, StringComparison.Ordinal);
        Assert.NotNull(mail.HtmlBody);
        var list = await app.Client.GetStringAsync(new Uri("/dev/mail", UriKind.Relative));
        Assert.Contains("自评已受理", list, StringComparison.Ordinal);
        var one = await app.Client.GetStringAsync(new Uri($"/dev/mail/{Path.GetFileNameWithoutExtension(file)}", UriKind.Relative));
        Assert.Contains("GG-2026-0001", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevMailbox_IdThatIsNotAMessage_Answers404()
    {
        await using var app = await RunningApp.StartAsync();

        using var response = await app.Client.GetAsync(new Uri("/dev/mail/..%2F..%2Fetc%2Fpasswd", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DevMailbox_AzureProfile_IsNotServed()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["GuanGong:Profile"] = "Azure" });

        using var response = await app.Client.GetAsync(new Uri("/dev/mail", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
