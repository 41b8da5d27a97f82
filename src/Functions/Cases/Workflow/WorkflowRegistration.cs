using GuanGong.Durable;
using GuanGong.Durable.AzureStorage;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Calendars;
using GuanGong.Functions.Hosting.CustomHandler;
using GuanGong.Functions.Records;
using GuanGong.Functions.ReferenceData;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Standards;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// Registers the durable engine (state in the app's storage account, one request counter shared with
/// the app) with the case workflow, and maps the queue-triggered functions through which the Azure
/// Functions host drives the engine. Locally, and unless <c>GuanGong:Engine:Dispatch</c> says
/// <c>QueueTriggers</c>, the engine's own polling dispatcher drives it instead.
/// </summary>
public static class WorkflowRegistration
{
    public const string DispatchSetting = "GuanGong:Engine:Dispatch";

    public static IServiceCollection AddCaseWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WorkflowSettings>(configuration.GetSection(WorkflowSettings.Section));
        services.AddSingleton<WorkflowServices>();
        services.AddSingleton<CaseWorkflowClient>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<CalendarSource>();
        services.AddSingleton<HolidayCalendarCache>();
        services.AddSingleton<TemplateResolver>();
        services.AddSingleton<ReviewLinks>();
        services.AddDurableTask(configuration, registry => registry
            .AddOrchestrator<CaseOrchestrator>()
            .AddActivity<ScoreSubmissionActivity>()
            .AddActivity<AcceptSubmissionActivity>()
            .AddActivity<OpenReviewTaskActivity>()
            .AddActivity<ApplyEscalationStepActivity>()
            .AddActivity<ApplyDecisionActivity>()
            .AddActivity<ExpireRectificationActivity>()
            .AddActivity<NotifyUnitOfVerdictActivity>()
            .AddActivity<UpdateTownshipRatingActivity>()
            .AddOrchestrator<Campaigns.InvitationOrchestrator>()
            .AddActivity<Campaigns.ListInviteesActivity>()
            .AddActivity<Campaigns.SendInvitationsActivity>()
            .RunQueued(Campaigns.SendInvitationsActivity.Name),
            runPollingDispatcher: false);
        services.AddSingleton<IOrchestrationBackend>(sp =>
        {
            var settings = sp.GetRequiredService<DurableTaskOptions>();
            // maxMessageDelay (host.json durableTask section) slices long timers; tests under a fake
            // clock set it to seconds so a timer's message comes back soon in real time.
            var options = new AzureStorageBackendOptions { TaskHubName = settings.HubName, PartitionCount = settings.PartitionCount, MaxMessageDelay = settings.MaxMessageDelay };
            // LEGACY ENGINE BRIDGE: the old engine still runs on src/Storage (LegacyEngineStorage.cs).
            return LegacyEngineStorage.CreateBackend(sp.GetRequiredService<AppStorage>(), options);
        });
        return services;
    }

    public static bool UsesQueueTriggers(IConfiguration configuration) =>
        string.Equals(configuration[DispatchSetting], "QueueTriggers", StringComparison.OrdinalIgnoreCase);

    /// <summary>One queue-triggered function per control queue and one for the work-item queue (how Durable is woken by the scale controller).</summary>
    public static void MapEngineTriggers(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var settings = DurableTaskOptions.FromConfiguration(configuration);
        var names = new TaskHubNames(settings.HubName, settings.PartitionCount);
        for (var i = 0; i < names.ControlQueues.Count; i++)
        {
            app.MapQueueFunction($"EngineControl{i:D2}", names.ControlQueues[i], async (invocation, services, ct) =>
            {
                await services.GetRequiredService<DurableTaskWorker>().ProcessControlMessageAsync(invocation.MessageText, invocation.DequeueCount, ct);
                return null;
            });
        }

        app.MapQueueFunction("EngineWorkItems", names.WorkItemQueue, async (invocation, services, ct) =>
        {
            await services.GetRequiredService<DurableTaskWorker>().ProcessWorkItemMessageAsync(invocation.MessageText, invocation.DequeueCount, ct);
            return null;
        });
    }
}
