using System.Diagnostics.CodeAnalysis;
using GuanGong.LocalHost.Invocation;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;

namespace GuanGong.LocalHost.DurableFunctions;

/// <summary>
/// The app's orchestrator and activity functions as the Durable Task worker's task factory. It holds a
/// <see cref="DurableTaskRegistry"/>'s content in effect (name → adapter); the registry's own factory
/// builder is internal to Microsoft.DurableTask.Worker, so the lookup is done here.
/// </summary>
internal sealed class FunctionTaskFactory : IDurableTaskFactory
{
    private readonly Dictionary<string, Func<ITaskOrchestrator>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<ITaskActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);

    public FunctionTaskFactory(IEnumerable<LocalFunction> functions, IServiceProvider appServices, DataConverter converter)
    {
        foreach (var function in functions)
        {
            var trigger = function.Metadata.Trigger?.Type;
            if (string.Equals(trigger, DurableFunctionRegistry.OrchestrationTrigger, StringComparison.OrdinalIgnoreCase))
            {
                _orchestrators[function.Name] = () => new OrchestratorFunctionAdapter(function, appServices, converter);
            }
            else if (string.Equals(trigger, DurableFunctionRegistry.ActivityTrigger, StringComparison.OrdinalIgnoreCase))
            {
                _activities[function.Name] = () => new ActivityFunctionAdapter(function, appServices);
            }
        }
    }

    public IReadOnlyCollection<string> Orchestrators => _orchestrators.Keys;

    public IReadOnlyCollection<string> Activities => _activities.Keys;

    public bool TryCreateActivity(TaskName name, IServiceProvider serviceProvider, [NotNullWhen(true)] out ITaskActivity? activity)
    {
        activity = _activities.TryGetValue(name.Name, out var create) ? create() : null;
        return activity is not null;
    }

    public bool TryCreateOrchestrator(TaskName name, IServiceProvider serviceProvider, [NotNullWhen(true)] out ITaskOrchestrator? orchestrator)
    {
        orchestrator = _orchestrators.TryGetValue(name.Name, out var create) ? create() : null;
        return orchestrator is not null;
    }
}
