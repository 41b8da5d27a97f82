using System.Runtime.CompilerServices;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;

namespace GuanGong.LocalHost.Durable;

/// <summary>Runs DurableTask.Core's own executor over each in-flight instance's stored history with the new code.</summary>
internal sealed class ReplayChecker(
    AzureStorageOrchestrationService service,
    IDurableTaskFactory factory,
    IServiceProvider services,
    ILoggerFactory loggerFactory)
{
    private static readonly Dictionary<EventType, Type> EventTypes = HistoryEvent.KnownTypes()
        .Where(t => !t.IsAbstract && typeof(HistoryEvent).IsAssignableFrom(t))
        .Select(t => (Type: t, Event: (HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)))
        .GroupBy(x => x.Event.EventType)
        .ToDictionary(g => g.Key, g => g.First().Type);

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ConstructorHandling = ConstructorHandling.AllowNonPublicDefaultConstructor,
        DateParseHandling = DateParseHandling.DateTime,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    });

    public async Task<ReplayCheckReport> RunAsync(CancellationToken cancellationToken)
    {
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggerFactory);
        var results = new List<ReplayCheckResult>();
        string? continuation = null;
        do
        {
            var page = await service.GetOrchestrationWithQueryAsync(
                new CoreQuery
                {
                    RuntimeStatus = [OrchestrationStatus.Running, OrchestrationStatus.Pending, OrchestrationStatus.Suspended],
                    PageSize = 100,
                    ContinuationToken = continuation,
                },
                cancellationToken);
            foreach (var state in page.OrchestrationState)
            {
                results.Add(await CheckAsync(state, shims));
            }

            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        return new ReplayCheckReport(results);
    }

    private async Task<ReplayCheckResult> CheckAsync(OrchestrationState state, DurableTaskShimFactory shims)
    {
        var instance = state.OrchestrationInstance;
        var status = state.OrchestrationStatus.ToString();
        ReplayCheckResult Result(ReplayVerdict verdict, string? detail) => new(instance.InstanceId, state.Name, status, verdict, detail);

        if (!factory.TryCreateOrchestrator(new TaskName(state.Name), services, out var orchestrator))
        {
            return Result(ReplayVerdict.Missing, $"No orchestrator named '{state.Name}' in this build.");
        }

        var json = await service.GetOrchestrationHistoryAsync(instance.InstanceId, instance.ExecutionId);
        var events = ParseHistory(json);
        if (events.Count == 0)
        {
            return Result(ReplayVerdict.Compatible, null); // Pending: nothing has run yet
        }

        var runtimeState = new OrchestrationRuntimeState(events);
        var orchestration = shims.CreateOrchestration(new TaskName(state.Name), orchestrator);
        var executor = new TaskOrchestrationExecutor(
            runtimeState, orchestration, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails);
        OrchestratorExecutionResult result;
        try
        {
            result = executor.Execute();
        }
        catch (Exception e)
        {
            return Result(ReplayVerdict.Failed, e.Message);
        }

        var failed = result.Actions.OfType<OrchestrationCompleteOrchestratorAction>()
            .FirstOrDefault(a => a.OrchestrationStatus == OrchestrationStatus.Failed);
        if (failed is null)
        {
            return Result(ReplayVerdict.Compatible, null);
        }

        var message = failed.FailureDetails?.ErrorMessage ?? failed.Result ?? failed.Details;
        var nonDeterministic = (failed.FailureDetails?.ErrorType ?? string.Empty).Contains("NonDeterministic", StringComparison.Ordinal);
        return Result(nonDeterministic ? ReplayVerdict.NonDeterministic : ReplayVerdict.Failed, message);
    }

    // AzureStorage returns the history as JSON without type names; each event carries its EventType.
    internal static List<HistoryEvent> ParseHistory(string json)
    {
        var list = new List<HistoryEvent>();
        foreach (var token in JArray.Parse(json))
        {
            if (token is not JObject item || item["EventType"] is not { } typeToken)
            {
                continue;
            }

            var eventType = typeToken.Type == JTokenType.String
                ? Enum.Parse<EventType>(typeToken.Value<string>()!)
                : (EventType)typeToken.Value<int>();
            if (EventTypes.TryGetValue(eventType, out var type) && item.ToObject(type, Serializer) is HistoryEvent e)
            {
                list.Add(e);
            }
        }

        return list;
    }
}
