using System.Reflection;
using System.Runtime.ExceptionServices;
using GuanGong.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.LocalHost.Invocation;

/// <summary>
/// One function of functions.metadata bound to its method (found by entryPoint plus
/// <c>[Function(name)]</c>), invoked by reflection with arguments bound per parameter.
/// Instance methods get their class from ActivatorUtilities in the invocation's scope, as the worker does.
/// </summary>
internal sealed class LocalFunction
{
    private LocalFunction(FunctionMetadataEntry metadata, MethodInfo method)
    {
        Metadata = metadata;
        Method = method;
        Definition = new LocalFunctionDefinition(metadata, method);
    }

    public FunctionMetadataEntry Metadata { get; }

    public MethodInfo Method { get; }

    public LocalFunctionDefinition Definition { get; }

    public string Name => Metadata.Name;

    public static LocalFunction Resolve(FunctionMetadataEntry metadata, Assembly app)
    {
        var assembly = string.Equals(Path.GetFileNameWithoutExtension(metadata.ScriptFile), app.GetName().Name, StringComparison.OrdinalIgnoreCase)
            ? app
            : Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(metadata.ScriptFile)));
        var split = metadata.EntryPoint.LastIndexOf('.');
        if (split <= 0)
        {
            throw new InvalidOperationException($"Function {metadata.Name}: entryPoint '{metadata.EntryPoint}' is not Namespace.Class.Method.");
        }

        var typeName = metadata.EntryPoint[..split];
        var methodName = metadata.EntryPoint[(split + 1)..];
        var type = assembly.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"Function {metadata.Name}: type {typeName} is not in {assembly.GetName().Name} (is functions.metadata from another build?).");
        var candidates = type
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
            .Where(m => m.Name == methodName)
            .ToList();
        var method = candidates.FirstOrDefault(m => FunctionNameOf(m) == metadata.Name)
            ?? (candidates.Count == 1 ? candidates[0] : null)
            ?? throw new InvalidOperationException($"Function {metadata.Name}: no method {metadata.EntryPoint} with [Function(\"{metadata.Name}\")].");
        return new LocalFunction(metadata, method);
    }

    /// <summary>Invokes the function in <paramref name="scope"/>; returns what it returned, Task/ValueTask awaited.</summary>
    public async Task<object?> InvokeAsync(
        IServiceProvider scope,
        LocalFunctionContext context,
        ParameterBinder bind,
        CancellationToken cancellationToken)
    {
        var parameters = Method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = BindParameter(parameters[i], context, bind, cancellationToken);
        }

        var target = Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope, Method.DeclaringType!);
        object? returned;
        try
        {
            returned = Method.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        return await AwaitResult(returned);
    }

    private object? BindParameter(ParameterInfo parameter, LocalFunctionContext context, ParameterBinder bind, CancellationToken cancellationToken)
    {
        var binding = Metadata.BindingFor(parameter.Name ?? "");
        if (bind(parameter, binding, context, out var bound))
        {
            return bound;
        }

        if (parameter.ParameterType == typeof(FunctionContext))
        {
            return context;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter.Name is { } name
            && context.BindingContext.BindingData.TryGetValue(name, out var raw)
            && BindingValues.TryConvert(raw, parameter.ParameterType, out var converted))
        {
            return converted;
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        return parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;
    }

    internal static async Task<object?> AwaitResult(object? returned)
    {
        switch (returned)
        {
            case null:
                return null;
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetProperty(nameof(Task<object>.Result)) is { } result
                    && result.PropertyType.Name != "VoidTaskResult"
                    ? result.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
        }

        var returnedType = returned.GetType();
        if (returnedType.IsGenericType && returnedType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = (Task)returnedType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
            return await AwaitResult(asTask);
        }

        return returned;
    }

    private static string? FunctionNameOf(MethodInfo method) =>
        method.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "FunctionAttribute")
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value as string)
            .FirstOrDefault();
}
