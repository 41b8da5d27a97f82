using System.Reflection;
using GuanGong.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.LocalHost.Invocation;

/// <summary>
/// Binds one parameter for a kind of trigger; returns false to leave it to the common rules
/// (FunctionContext, CancellationToken, binding data by name, default value).
/// </summary>
internal delegate bool ParameterBinder(ParameterInfo parameter, FunctionBinding? binding, FunctionContext context, out object? value);
