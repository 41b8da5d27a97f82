using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.LocalHost.Durable;

/// <summary>DTFx asks by name for an orchestration; the SDK's factory makes it, the SDK's shim adapts it.</summary>
internal sealed class OrchestrationObjectManager(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services)
    : INameVersionObjectManager<TaskOrchestration>
{
    public void Add(ObjectCreator<TaskOrchestration> creator) =>
        throw new NotSupportedException("Orchestrators come from the DurableTaskRegistry.");

    // An unknown name must not be returned as null: DTFx would abandon the message and retry it forever.
    // Failing the instance with a clear reason is what an operator can see and act on.
    public TaskOrchestration GetObject(string name, string? version) =>
        factory.TryCreateOrchestrator(new TaskName(name), services, out var orchestrator)
            ? shims.CreateOrchestration(new TaskName(name), orchestrator)
            : new MissingOrchestration(name);

    private sealed class MissingOrchestration(string name) : TaskOrchestration
    {
        // A faulted task, not a throw: DTFx fails the instance on a faulted result but retries a synchronous throw.
        public override Task<string> Execute(OrchestrationContext context, string input) =>
            Task.FromException<string>(new InvalidOperationException($"No orchestrator named '{name}' is registered in this build."));

        public override string GetStatus() => string.Empty;

        public override void RaiseEvent(OrchestrationContext context, string name, string input)
        {
        }
    }
}

/// <summary>Each activity runs in its own DI scope, made when it runs and disposed when it ends.</summary>
internal sealed class ActivityObjectManager(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services)
    : INameVersionObjectManager<TaskActivity>
{
    public void Add(ObjectCreator<TaskActivity> creator) =>
        throw new NotSupportedException("Activities come from the DurableTaskRegistry.");

    public TaskActivity GetObject(string name, string? version) => new ScopedActivity(this, new TaskName(name));

    private async Task<string> RunAsync(TaskName name, TaskContext context, string input)
    {
        await using var scope = services.CreateAsyncScope();
        if (!factory.TryCreateActivity(name, scope.ServiceProvider, out var activity))
        {
            // A TaskFailed the orchestration sees (and can handle), rather than a retried-forever dispatch error.
            throw new InvalidOperationException($"No activity named '{name.Name}' is registered in this build.");
        }

        return await shims.CreateActivity(name, activity).RunAsync(context, input);
    }

    private sealed class ScopedActivity(ActivityObjectManager owner, TaskName name) : TaskActivity
    {
        public override string Run(TaskContext context, string input) =>
            throw new NotSupportedException("Activities run asynchronously.");

        public override Task<string> RunAsync(TaskContext context, string input) => owner.RunAsync(name, context, input);
    }
}
