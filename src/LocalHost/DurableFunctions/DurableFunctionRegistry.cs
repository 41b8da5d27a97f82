using GuanGong.LocalHost.Invocation;
using Microsoft.DurableTask;

namespace GuanGong.LocalHost.DurableFunctions;

/// <summary>Registers the app's orchestrator and activity functions (from functions.metadata) in a <see cref="DurableTaskRegistry"/>.</summary>
internal static class DurableFunctionRegistry
{
    public const string OrchestrationTrigger = "orchestrationTrigger";
    public const string ActivityTrigger = "activityTrigger";

    public static bool IsDurableFunction(LocalFunction function) =>
        function.Metadata.Trigger?.Type is { } type
        && (string.Equals(type, OrchestrationTrigger, StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, ActivityTrigger, StringComparison.OrdinalIgnoreCase));

    public static void Register(DurableTaskRegistry registry, IEnumerable<LocalFunction> functions, IServiceProvider appServices, DataConverter converter)
    {
        foreach (var function in functions)
        {
            switch (function.Metadata.Trigger?.Type)
            {
                case { } t when string.Equals(t, OrchestrationTrigger, StringComparison.OrdinalIgnoreCase):
                    registry.AddOrchestrator(function.Name, () => new OrchestratorFunctionAdapter(function, appServices, converter));
                    break;
                case { } t when string.Equals(t, ActivityTrigger, StringComparison.OrdinalIgnoreCase):
                    registry.AddActivity(function.Name, _ => new ActivityFunctionAdapter(function, appServices));
                    break;
            }
        }
    }
}
