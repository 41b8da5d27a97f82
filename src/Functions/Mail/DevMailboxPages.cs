using System.Net;
using System.Text;
using GuanGong.LocalStack.Mail;
using GuanGong.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace GuanGong.Functions.Mail;

/// <summary>
/// The local mailbox (<c>/dev/mail</c>; outside the local profile it answers 404): lists what pickup delivery wrote, so a
/// newcomer can open a reviewer's email and click its links without any mail server.
/// </summary>
public sealed class DevMailboxPages(HttpGate gate, IOptions<MailSettings> options, IHostEnvironment environment, IConfiguration configuration)
{
    [Function("DevMailbox")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/mail")] HttpRequest request) =>
        gate.Run(request, () =>
        {
            if (!Hosting.AppComposition.IsLocalProfile(configuration))
            {
                return Results.NotFound();
            }

            var folder = SmtpMailSender.PickupFolder(options.Value, environment);
            var mails = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.eml").Select(f => (Id: Path.GetFileNameWithoutExtension(f), File: new FileInfo(f))).OrderByDescending(f => f.File.LastWriteTimeUtc).ToList()
                : [];
            var rows = new StringBuilder();
            foreach (var (id, file) in mails)
            {
                var mail = MailFile.Load(file.FullName);
                rows.Append("<li><a href=\"/dev/mail/").Append(id).Append("\"><strong>").Append(Encode(mail.Subject)).Append("</strong></a><br><span>收件人：")
                    .Append(Encode(string.Join("，", mail.To))).Append(" · ").Append(Encode(Pages.ChinaDates.When(new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)) + "（北京时间）"))
                    .Append("</span></li>");
            }

            var body = mails.Count == 0 ? "<p>还没有邮件。提交一份自评后，审核通知会出现在这里。</p>" : $"<ol class=\"mails\">{rows}</ol>";
            return Html(request.HttpContext, Page("本地邮箱", $"<h1>本地邮箱（{mails.Count} 封）</h1><p>开发环境把所有外发邮件保存在 <code>{Encode(folder)}</code>。</p>{body}"));
        }, needsStorage: false);

    [Function("DevMailboxMessage")]
    public Task<IResult> Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/mail/{id}")] HttpRequest request, string id) =>
        gate.Run(request, () =>
        {
            if (!Hosting.AppComposition.IsLocalProfile(configuration))
            {
                return Results.NotFound();
            }

            // The id names a file: accept only what SmtpClient writes (a GUID) so no path can be smuggled in.
            if (!Guid.TryParse(id, out _))
            {
                return Results.NotFound();
            }

            var path = Path.Combine(SmtpMailSender.PickupFolder(options.Value, environment), id + ".eml");
            if (!File.Exists(path))
            {
                return Results.NotFound();
            }

            var mail = MailFile.Load(path);
            var links = string.Concat(mail.Links.Distinct().Select(l => $"<li><a class=\"button\" href=\"{Encode(l)}\">{Encode(l)}</a></li>"));
            var html = $"""
                <p><a href="/dev/mail">← 返回邮箱</a></p>
                <h1>{Encode(mail.Subject)}</h1>
                <p>发件人：{Encode(mail.From)}<br>收件人：{Encode(string.Join("，", mail.To))}</p>
                <h2>正文</h2>
                <pre class="mail-body">{Encode(mail.Body)}</pre>
                <h2>邮件中的链接</h2>
                <ul class="links">{links}</ul>
                """;
            return Html(request.HttpContext, Page(mail.Subject, html));
        }, needsStorage: false);

    // The page's one inline style block, allowed by its hash (the pages' policy admits no inline style otherwise).
    private const string Style = """
        body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; font-size: 20px; line-height: 1.6; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #111; background: #fff; }
        a { color: #0b4f9c; }
        .mails li { margin-bottom: 1rem; }
        .mail-body { white-space: pre-wrap; word-break: break-all; background: #f4f4f4; padding: 1rem; font-family: inherit; }
        .links a { word-break: break-all; }
        """;

    private static readonly string StyleHash = "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Style))) + "'";

    private static IResult Html(HttpContext context, string page)
    {
        context.Response.Headers.ContentSecurityPolicy = EdgePolicy.ContentSecurityPolicy.Replace("style-src 'self'", "style-src 'self' " + StyleHash, StringComparison.Ordinal);
        return Results.Content(page, "text/html; charset=utf-8");
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} - 关工</title>
        <style>{{Style}}</style>
        </head>
        <body>{{body}}</body>
        </html>
        """;
}
