using GuanGong.Functions.Mail;
using GuanGong.LocalStack.Mail;

namespace GuanGong.Functions.Tests.Mail;

/// <summary>Pickup delivery: MimeKit writes the .eml, <see cref="MailFile"/> (MimeKit) reads it back.</summary>
public sealed class PickupDeliveryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gg-pickup").FullName;

    [Fact]
    public async Task SendAsync_ChineseTextAndHtml_RoundTripsThroughThePickupFile()
    {
        await using var sender = MailSenderHarness.Pickup(_folder);
        var mail = new OutgoingMail("unit@village.example", "李主任", "自评已受理：红星村", "案件编号 GG-2026-0001\n请登录 http://127.0.0.1:7071/u/t0k.en 查看。", "<p>案件编号 <b>GG-2026-0001</b></p>");

        await sender.SendAsync(mail, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(Path.GetFileNameWithoutExtension(file), out _), "the mailbox page only opens GUID-named files");
        var read = MailFile.Load(file);
        Assert.Equal(mail.Subject, read.Subject);
        Assert.Equal(["李主任 <unit@village.example>"], read.To);
        Assert.Equal("关工委创建评估 <noreply@guangong.local>", read.From);
        Assert.Equal(mail.TextBody, read.Body.TrimEnd());
        Assert.Equal(mail.HtmlBody, read.HtmlBody?.TrimEnd());
        Assert.Equal(["http://127.0.0.1:7071/u/t0k.en"], read.Links);
    }

    [Fact]
    public async Task SendAsync_Pickup_FileIsSevenBitWithCrLfLineEnds()
    {
        await using var sender = MailSenderHarness.Pickup(_folder);

        await sender.SendAsync(new OutgoingMail("unit@village.example", "李主任", "自评已受理", "正文：中文"), CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(_folder)));
        Assert.All(bytes, b => Assert.True(b < 128, "a pickup file is 7-bit: headers as encoded words, bodies base64 or quoted-printable"));
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        Assert.DoesNotContain('\n', text.Replace("\r\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_CrLfInSubject_PickupFileHasNoInjectedHeader()
    {
        await using var sender = MailSenderHarness.Pickup(_folder);

        await sender.SendAsync(new OutgoingMail("unit@village.example", "李\nTo: evil@attacker.example", "主题\rBcc: evil@attacker.example", "正文"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder));
        var read = MailFile.Load(file);
        Assert.Equal("主题 Bcc: evil@attacker.example", read.Subject);
        Assert.Equal(["李 To: evil@attacker.example <unit@village.example>"], read.To);
        var headers = MailKitDeliveryTests.HeaderLines(read.Raw).ToList();
        Assert.DoesNotContain(headers, l => l.StartsWith("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Single(headers, l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SendAsync_ManyConcurrentWrites_EveryFileCompleteAndNoTemporaryLeft()
    {
        await using var sender = MailSenderHarness.Pickup(_folder);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => sender.SendAsync(new OutgoingMail("unit@village.example", null, $"邮件 {i}", "正文"), CancellationToken.None)));

        var files = Directory.GetFiles(_folder);
        Assert.Equal(30, files.Length);
        Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
        Assert.Equal(30, files.Select(f => MailFile.Load(f).Subject).Distinct().Count());
    }

    [Fact]
    public async Task SendAsync_PickupFolderIsAFile_ThrowsMailDeliveryException()
    {
        var notAFolder = Path.Combine(_folder, "file");
        await File.WriteAllTextAsync(notAFolder, "x");
        await using var sender = MailSenderHarness.Pickup(notAFolder);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => sender.SendAsync(new OutgoingMail("unit@village.example", null, "s", "b"), CancellationToken.None));

        Assert.Contains("GuanGong:Mail:PickupDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MessageFromAnotherMailer_DecodesQuotedPrintableAndEncodedWords()
    {
        // Written the way System.Net.Mail wrote pickup files before the move: old files in a mailbox still open.
        var path = Path.Combine(_folder, Guid.NewGuid() + ".eml");
        File.WriteAllText(path, string.Join("\r\n",
            "X-Sender: noreply@guangong.local",
            "From: =?utf-8?B?5YWz5bel5aeU?= <noreply@guangong.local>",
            "To: =?utf-8?B?546L5a6h5qC4?= <reviewer@town.example>",
            "Date: 7 Dec 2026 09:30:00 +0800",
            "Subject: =?utf-8?B?6K+35a6h5qC4?=",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            string.Empty,
            "=E8=AF=B7=E7=82=B9=E5=87=BB http://127.0.0.1:7071/r/a.b",
            string.Empty));

        var read = MailFile.Load(path);

        Assert.Equal("请审核", read.Subject);
        Assert.Equal("关工委 <noreply@guangong.local>", read.From);
        Assert.Equal(["王审核 <reviewer@town.example>"], read.To);
        Assert.Equal(["http://127.0.0.1:7071/r/a.b"], read.Links);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 1, 30, 0, TimeSpan.Zero), read.Date);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
