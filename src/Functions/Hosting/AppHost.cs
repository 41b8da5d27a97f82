using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Exports;
using GuanGong.Functions.Health;
using GuanGong.Functions.Hosting.CustomHandler;
using GuanGong.Functions.Http;
using GuanGong.Functions.Ledgers;
using GuanGong.Functions.Mail;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Pages;
using GuanGong.Functions.Records;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Statistics;
using GuanGong.Functions.Submissions;

namespace GuanGong.Functions.Hosting;

/// <summary>The composition root: one place that wires configuration, services and endpoints.</summary>
public static class AppHost
{
    /// <summary>
    /// Builds the app. <paramref name="overrides"/> win over every other configuration source and
    /// <paramref name="configureServices"/> runs last (tests use them, e.g. to swap in a fake clock).
    /// </summary>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        FunctionsConfiguration.Apply(builder.Configuration, builder.Environment.ContentRootPath, overrides);
        builder.WebHost.UseUrls($"http://127.0.0.1:{FunctionsConfiguration.Port(builder.Configuration)}");

        // The one place that gives the app a wall clock; everything else takes TimeProvider.
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddOtlpExport(builder.Configuration);
        builder.Services.AddExceptionHandler<ExceptionMapping>();
        builder.Services.AddSingleton(sp => AppStorage.Create(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddStorageHealth();
        builder.Services.AddSingleton<AppTables>();
        builder.Services.AddHostedService<LocalStackService>();
        builder.Services.AddSingleton<StorageInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        builder.Services.AddSingleton<CommitteeDirectory>();
        builder.Services.AddSingleton<CampaignStore>();
        builder.Services.AddSingleton<GuanGong.Functions.Cases.CaseStore>();
        builder.Services.AddSingleton<AccessKeys>();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<Access>();
        builder.Services.AddSingleton<PublicUrls>();
        builder.Services.AddCaseWorkflow(builder.Configuration);
        builder.Services.AddSingleton<DecisionService>();
        builder.Services.AddSingleton<FormNonces>();
        builder.Services.AddSingleton<SubmissionService>();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<CampaignLauncher>();
        builder.Services.AddSingleton<DecisionReconciler>();
        if (!WorkflowRegistration.UsesQueueTriggers(builder.Configuration))
        {
            builder.Services.AddHostedService<DecisionReconcilerLoop>();
        }
        builder.Services.AddSingleton(sp => LinkKeys.Load(
            sp.GetRequiredService<IConfiguration>(), IsLocalProfile(sp.GetRequiredService<IConfiguration>()), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
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
        builder.Services.AddLedgers();
        builder.Services.AddCampaignStatistics();
        builder.Services.AddApiDocument();
        builder.Services.AddUnitPages();
        builder.Services.AddDashboardPages();

        if (IsLocalProfile(builder.Configuration) && !string.Equals(builder.Configuration["GuanGong:Demo:Seed"], "false", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddHostedService<Demo.DemoSeeder>();
        }

        configureServices?.Invoke(builder.Services);
        RedactingLoggerFactory.Decorate(builder.Services);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStaticFiles();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRequestGuards();
        app.Use(async (context, next) =>
        {
            // Until the start-up storage check has passed, API calls (but not health) answer 503.
            if (context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/api/health")
                && !context.RequestServices.GetRequiredService<StorageInitializer>().IsReady)
            {
                context.Response.Headers.RetryAfter = ExceptionMapping.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.Problem(StatusCodes.Status503ServiceUnavailable, "storage-unavailable", "系统存储暂时无法访问，请稍后重试。", "Storage is not reachable yet.").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        var api = app.MapGroup("/api");
        api.MapHealth();
        api.MapSubmissions();
        api.MapCases();
        api.MapDecisions();
        api.MapAdmin();
        api.MapCampaigns();
        app.MapReviewPages();
        app.MapUnitPages();
        app.MapDashboardPages();
        app.MapReviewerQueue();
        app.MapPageAssets();
        app.MapEngineTriggers(app.Configuration);
        app.MapTimerFunction("ReconcileDecisions", "0 */5 * * * *", async (services, ct) =>
            $"raised {await services.GetRequiredService<DecisionReconciler>().RunAsync(ct)} stored decisions again");
        api.MapLedgers();
        api.MapCampaignStatistics();
        api.MapCampaignExports();
        app.MapApiDocument();
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
