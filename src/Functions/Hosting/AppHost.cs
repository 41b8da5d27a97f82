using GuanGong.Functions.Health;
using GuanGong.Functions.Http;
using GuanGong.Functions.Mail;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Hosting;

/// <summary>The composition root: one place that wires configuration, services and endpoints.</summary>
public static class AppHost
{
    /// <summary>Builds the app. <paramref name="overrides"/> win over every other configuration source (tests use it).</summary>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        FunctionsConfiguration.Apply(builder.Configuration, builder.Environment.ContentRootPath, overrides);
        builder.WebHost.UseUrls($"http://127.0.0.1:{FunctionsConfiguration.Port(builder.Configuration)}");

        // The one place that gives the app a wall clock; everything else takes TimeProvider.
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ExceptionMapping>();
        builder.Services.AddSingleton(sp => AppStorage.Create(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddStorageHealth();
        builder.Services.AddHostedService<LocalStackService>();
        builder.Services.Configure<MailSettings>(builder.Configuration.GetSection(MailSettings.Section));
        builder.Services.PostConfigure<MailSettings>(mail =>
        {
            // Unless told otherwise, the local profile writes mail to its mailbox folder and Azure sends it.
            if (string.IsNullOrEmpty(builder.Configuration[$"{MailSettings.Section}:Delivery"]))
            {
                mail.Delivery = IsLocalProfile(builder.Configuration) ? MailDelivery.Pickup : MailDelivery.Smtp;
            }
        });
        builder.Services.AddSingleton<IMailSender, SmtpMailSender>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var api = app.MapGroup("/api");
        api.MapHealth();
        if (IsLocalProfile(app.Configuration))
        {
            app.MapDevMailbox();
        }
        return app;
    }

    /// <summary>Every endpoint the app maps (the function table is read from these).</summary>
    public static EndpointDataSource Endpoints(WebApplication app) =>
        new CompositeEndpointDataSource(((IEndpointRouteBuilder)app).DataSources);

    /// <summary>The local profile: Azurite, the pickup mailbox and its page. Never on in Azure.</summary>
    public static bool IsLocalProfile(IConfiguration configuration) =>
        string.Equals(configuration["GuanGong:Profile"], "Local", StringComparison.OrdinalIgnoreCase);
}
