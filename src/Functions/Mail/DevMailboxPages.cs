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
            var list = mails.Select(m => (Mail: MailFile.Load(m.File.FullName), m.Id, m.File))
                .Select(m => new Pages.Components.DevMailListBody.Mail(m.Id, m.Mail.Subject, m.Mail.To, new DateTimeOffset(m.File.LastWriteTimeUtc, TimeSpan.Zero)))
                .ToList();
            return Pages.RazorPage.Of<Pages.Components.DevMailListBody>("本地邮箱", new Pages.Components.DevMailListBody.Data(list, folder));
        }, needsStorage: false);

    [Function("DevMailboxMessage")]
    public Task<IResult> Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/mail/{id}")] HttpRequest request, string id) =>
        gate.Run(request, () =>
        {
            if (!Hosting.AppComposition.IsLocalProfile(configuration))
            {
                return Results.NotFound();
            }

            // The id names a file: accept only what the pickup writer names its files (a GUID), so no path can be smuggled in.
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
            return Pages.RazorPage.Of<Pages.Components.DevMailBody>(mail.Subject, mail);
        }, needsStorage: false);
}
