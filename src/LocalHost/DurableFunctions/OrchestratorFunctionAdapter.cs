using System.Text.Json;
using GuanGong.LocalHost.Invocation;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.DurableFunctions;

/// <summary>
/// An <c>[OrchestrationTrigger]</c> function as an <see cref="ITaskOrchestrator"/>: each episode invokes
/// the method with the engine's context wrapped so GetInput&lt;T&gt;() works. The input is taken as a
/// JsonElement (the method declares no input type) and deserialised when the method asks for it.
/// No ConfigureAwait(false) on this path: the orchestrator must continue on the engine's scheduler.
/// </summary>
internal sealed class OrchestratorFunctionAdapter(LocalFunction function, IServiceProvider appServices, DataConverter converter) : ITaskOrchestrator
{
    public Type InputType => typeof(JsonElement?);

    public Type OutputType => typeof(object);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        await using var scope = appServices.CreateAsyncScope();
        var loggerFactory = scope.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var wrapped = new InputDeserializingContext(context, input, converter, loggerFactory);
        var data = new Dictionary<string, object?> { ["instanceId"] = context.InstanceId };
        var functionContext = new LocalFunctionContext(function.Definition, scope.ServiceProvider, data, CancellationToken.None);
        return await function.InvokeAsync(scope.ServiceProvider, functionContext, (parameter, _, _, out value) =>
        {
            value = wrapped;
            return parameter.ParameterType == typeof(TaskOrchestrationContext);
        }, CancellationToken.None);
    }
}
