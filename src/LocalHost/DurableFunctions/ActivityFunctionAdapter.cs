using GuanGong.LocalHost.Invocation;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.LocalHost.DurableFunctions;

/// <summary>
/// An <c>[ActivityTrigger]</c> function as an <see cref="ITaskActivity"/>: the engine deserialises the
/// input to the trigger parameter's type, and each run gets a new DI scope of the APP's services (its
/// class is created in that scope, as the worker does).
/// </summary>
internal sealed class ActivityFunctionAdapter : ITaskActivity
{
    private readonly LocalFunction _function;
    private readonly IServiceProvider _appServices;
    private readonly string _triggerParameter;

    public ActivityFunctionAdapter(LocalFunction function, IServiceProvider appServices)
    {
        _function = function;
        _appServices = appServices;
        var trigger = function.Metadata.Trigger!;
        var parameter = function.Method.GetParameters().FirstOrDefault(p => p.Name == trigger.Name)
            ?? throw new InvalidOperationException($"Activity {function.Name}: no parameter named {trigger.Name}.");
        _triggerParameter = trigger.Name;
        InputType = parameter.ParameterType;
        OutputType = UnwrapTask(function.Method.ReturnType);
    }

    public Type InputType { get; }

    public Type OutputType { get; }

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = _appServices.CreateAsyncScope();
        var data = new Dictionary<string, object?> { ["instanceId"] = context.InstanceId };
        var functionContext = new LocalFunctionContext(_function.Definition, scope.ServiceProvider, data, CancellationToken.None);
        return await _function.InvokeAsync(scope.ServiceProvider, functionContext, (parameter, _, _, out value) =>
        {
            if (parameter.Name == _triggerParameter)
            {
                value = parameter.ParameterType == typeof(TaskActivityContext) ? context : input;
                return true;
            }

            value = null;
            return false;
        }, CancellationToken.None);
    }

    private static Type UnwrapTask(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type == typeof(Task) || type == typeof(ValueTask) || type == typeof(void) ? typeof(object) : type;
}
