using GuanGong.Functions.Audit;
using GuanGong.Functions.Calendars;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Health;
using GuanGong.Functions.Http;
using GuanGong.Functions.Ledgers;
using GuanGong.Functions.Mail;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Pages;
using GuanGong.Functions.Records;
using GuanGong.Functions.ReferenceData;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Standards;
using GuanGong.Functions.Statistics;
using GuanGong.Functions.Submissions;
using Microsoft.Extensions.Configuration.Memory;

namespace GuanGong.Functions.Hosting;

/// <summary>
/// The composition root: the app's defaults and services, in one place, called by Program.cs. Whoever
/// hosts the app (the Functions host in Azure, src/LocalHost here) runs Program.cs, so both get
/// exactly this.
/// </summary>
public static class AppComposition
{
    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>
    /// The settings that apply when nothing else says otherwise: the local default. App settings
    /// (environment variables; <c>local.settings.json</c> locally) override them.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        [StorageSetting] = "UseDevelopmentStorage=true",
        ["GuanGong:Profile"] = "Local",
        ["Logging:LogLevel:Default"] = "Information",
        // Request lines carry the URL: link tokens (/r/{token}, ?t=) and uploaded file names, which can
        // name minors. The redacting logger factory removes them at every level; keep the noise down too.
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>Adds the app's defaults (lowest precedence) and services to a Functions application builder.</summary>
    public static IHostApplicationBuilder AddGuanGong(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        StartUpChecks.Run(builder.Configuration);
        builder.Services.AddGuanGong(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddGuanGong(this IServiceCollection services, IConfiguration configuration)
    {
        // The one place that gives the app a wall clock; everything else takes TimeProvider.
        services.AddSingleton(TimeProvider.System);
        services.AddOtlpExport(configuration);
        services.AddSingleton(sp => AppStorage.Create(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<AppTables>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.AddSingleton<HttpGate>();
        services.AddSingleton<Exports.ExportLinks>().AddSingleton<EdgePolicy>().AddSingleton<AdminKeyThrottle>().AddSingleton<LinkCookies>().AddSingleton<DashboardSessionRevocation>();
        services.AddSingleton<CommitteeDirectory>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<CaseStore>();
        services.AddSingleton<ReceiptNumbers>();
        services.AddSingleton<AccessKeys>();
        services.AddHostedService<AdminKeyAnnouncer>();
        services.AddSingleton<AdminOnly>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<Access>();
        services.AddSingleton<PublicUrls>();
        services.Configure<WorkflowSettings>(configuration.GetSection(WorkflowSettings.Section));
        services.AddSingleton<WorkflowServices>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<CalendarSource>();
        services.AddSingleton<HolidayCalendarCache>();
        services.AddSingleton<TemplateResolver>().AddSingleton<StandardNames>();
        services.AddSingleton<ReviewLinks>();
        services.AddSingleton<DecisionService>();
        services.AddSingleton<FormNonces>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<WorkflowStarts>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowStarts>());
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<CampaignLauncher>();
        services.AddSingleton<CampaignNumbers>();
        services.AddSingleton<Calendars.SubmissionChaser>().AddSingleton<Calendars.VisitRecorder>();
        services.AddSingleton<DecisionReconciler>();
        services.AddSingleton(sp => LinkKeys.Load(sp.GetRequiredService<IConfiguration>(), IsLocalProfile(sp.GetRequiredService<IConfiguration>()), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.Configure<MailSettings>(configuration.GetSection(MailSettings.Section));
        services.PostConfigure<MailSettings>(mail =>
        {
            // Unless told otherwise, the local profile writes mail to its mailbox folder and Azure sends it.
            if (string.IsNullOrEmpty(configuration[$"{MailSettings.Section}:Delivery"]))
            {
                mail.Delivery = IsLocalProfile(configuration) ? MailDelivery.Pickup : MailDelivery.Smtp;
            }
        });
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<LedgerStore>().AddSingleton<LedgerLinks>().AddSingleton<CaseReaders>();
        services.AddSingleton<CampaignScopes>().AddSingleton<PassRateViews>();
        services.AddSingleton<ApiDocument>();
        services.AddSingleton<UnitLinks>().AddSingleton<DraftStore>().AddSingleton<EvidenceView>();
        services.AddSingleton<DashboardSession>().AddSingleton<DashboardAdmission>();
        services.AddSingleton<LookBacks.LookBackStore>().AddSingleton<LookBacks.LookBackService>();
        services.AddSingleton<Commendations.CommendationService>();
        RedactingLoggerFactory.Decorate(services);
        return services;
    }

    /// <summary>The local profile: Azurite, the pickup mailbox and its page, demo data. Never on in Azure.</summary>
    public static bool IsLocalProfile(IConfiguration configuration) =>
        string.Equals(configuration["GuanGong:Profile"], "Local", StringComparison.OrdinalIgnoreCase);
}
