using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;

namespace GuanGong.LocalHost.Durable.Tests;

/// <summary>Counts activity executions per (instance, step) so tests can prove a step never ran twice.</summary>
public sealed class RunLog
{
    private readonly ConcurrentDictionary<string, int> _runs = new();

    public void Record(string key) => _runs.AddOrUpdate(key, 1, (_, n) => n + 1);

    public int Count(string key) => _runs.TryGetValue(key, out var n) ? n : 0;

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_runs);
}

/// <summary>A factory over plain delegates: what a DurableTaskRegistry builds, without the DI worker builder.</summary>
public sealed class TestTaskFactory : IDurableTaskFactory
{
    private readonly Dictionary<string, Func<ITaskOrchestrator>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<ITaskActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);

    public TestTaskFactory Orchestrator(string name, Func<TaskOrchestrationContext, string?, Task<string?>> body)
    {
        _orchestrators[name] = () => new FuncOrchestrator(body);
        return this;
    }

    public TestTaskFactory Activity(string name, Func<TaskActivityContext, string?, Task<string?>> body)
    {
        _activities[name] = () => new FuncActivity(body);
        return this;
    }

    public bool TryCreateActivity(TaskName name, IServiceProvider serviceProvider, [NotNullWhen(true)] out ITaskActivity? activity)
    {
        activity = _activities.TryGetValue(name.Name, out var make) ? make() : null;
        return activity is not null;
    }

    public bool TryCreateOrchestrator(TaskName name, IServiceProvider serviceProvider, [NotNullWhen(true)] out ITaskOrchestrator? orchestrator)
    {
        orchestrator = _orchestrators.TryGetValue(name.Name, out var make) ? make() : null;
        return orchestrator is not null;
    }

    private sealed class FuncOrchestrator(Func<TaskOrchestrationContext, string?, Task<string?>> body) : TaskOrchestrator<string?, string?>
    {
        public override Task<string?> RunAsync(TaskOrchestrationContext context, string? input) => body(context, input);
    }

    private sealed class FuncActivity(Func<TaskActivityContext, string?, Task<string?>> body) : TaskActivity<string?, string?>
    {
        public override Task<string?> RunAsync(TaskActivityContext context, string? input) => body(context, input);
    }
}
